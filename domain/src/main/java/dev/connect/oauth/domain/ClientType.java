package dev.connect.oauth.domain;

import java.util.Locale;

/**
 * Whether a client can keep a secret.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-2.1">RFC 6749 §2.1</a>
 */
public enum ClientType {
    CONFIDENTIAL,
    PUBLIC;

    public static ClientType parse(String value) {
        if (value == null) {
            throw ErrorCode.INVALID_REQUEST.exception("type must be confidential or public.");
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "confidential" -> CONFIDENTIAL;
            case "public" -> PUBLIC;
            default -> throw ErrorCode.INVALID_REQUEST.exception("type must be confidential or public.");
        };
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
