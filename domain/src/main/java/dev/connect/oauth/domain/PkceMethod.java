package dev.connect.oauth.domain;

/**
 * A PKCE code challenge method.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7636#section-4.2">RFC 7636 §4.2</a>
 */
public enum PkceMethod {
    PLAIN("plain"),
    S256("S256");

    private final String wireName;

    PkceMethod(String wireName) {
        this.wireName = wireName;
    }

    /** Parses {@code code_challenge_method}; absent means {@code plain} (RFC 7636 §4.3, seed 002). */
    public static PkceMethod parse(String value) {
        if (value == null || value.isEmpty()) {
            return PLAIN;
        }
        for (PkceMethod method : values()) {
            if (method.wireName.equals(value)) {
                return method;
            }
        }
        throw ErrorCode.INVALID_REQUEST.exception("code_challenge_method must be S256 or plain.");
    }

    public String wireName() {
        return wireName;
    }
}
