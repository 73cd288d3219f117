package dev.connect.oauth.domain;

import java.util.Objects;

/** The one syntax rule shared by every identifier: 1–128 URL-safe characters, no spaces. */
final class Identifiers {
    private static final int MAX_LENGTH = 128;

    private Identifiers() {
    }

    static String require(String value, String name) {
        Objects.requireNonNull(value, name);
        if (!isUrlSafe(value)) {
            throw ErrorCode.INVALID_REQUEST.exception("Malformed " + name + ".");
        }
        return value;
    }

    /**
     * 1–128 of RFC 3986's unreserved characters (letters, digits, {@code -._~}); a loop rather than
     * a regular expression, as identifiers are checked several times per token request.
     */
    private static boolean isUrlSafe(String value) {
        if (value.isEmpty() || value.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean unreserved = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c == '-' || c == '.' || c == '_' || c == '~';
            if (!unreserved) {
                return false;
            }
        }
        return true;
    }
}
