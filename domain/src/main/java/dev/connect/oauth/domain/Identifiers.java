package dev.connect.oauth.domain;

import java.util.Objects;
import java.util.regex.Pattern;

/** The one syntax rule shared by every identifier: 1–128 URL-safe characters, no spaces. */
final class Identifiers {
    private static final Pattern SYNTAX = Pattern.compile("[A-Za-z0-9._~-]{1,128}");

    private Identifiers() {
    }

    static String require(String value, String name) {
        Objects.requireNonNull(value, name);
        if (!SYNTAX.matcher(value).matches()) {
            throw ErrorCode.INVALID_REQUEST.exception("Malformed " + name + ".");
        }
        return value;
    }
}
