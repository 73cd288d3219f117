package dev.connect.oauth.domain;

/**
 * The identifier of an access token (its {@code jti}, RFC 9068 §2.2) or of a refresh token.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9068#section-2.2">RFC 9068</a>
 */
public record TokenId(String value) {
    public TokenId {
        Identifiers.require(value, "token id");
    }

    public static TokenId parse(String value) {
        return new TokenId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
