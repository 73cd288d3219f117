package dev.connect.oauth.domain;

/**
 * The public identifier of a registered client (RFC 6749 §2.2).
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-2.2">RFC 6749</a>
 */
public record ClientId(String value) {
    public ClientId {
        Identifiers.require(value, "client_id");
    }

    public static ClientId parse(String value) {
        return new ClientId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
