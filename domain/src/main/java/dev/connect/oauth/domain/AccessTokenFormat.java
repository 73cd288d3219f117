package dev.connect.oauth.domain;

import java.util.Objects;

/**
 * The form of a client's access tokens. {@link #JWT}: a signed JWT (RFC 9068) that resource servers
 * verify offline with the JWK Set. {@link #REFERENCE}: an opaque 256-bit random string, which costs
 * no signature to issue and tells its holder nothing; resource servers introspect it (RFC 7662).
 * Either way the server keeps only the token's hash, so its own checks treat both alike. Spring
 * Authorization Server's {@code OAuth2TokenFormat} and ORY Hydra's {@code access_token_strategy}
 * make the same choice per client.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9068">RFC 9068</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7662#section-1">RFC 7662 §1</a>
 */
public enum AccessTokenFormat {
    JWT("jwt"),
    REFERENCE("reference");

    /** The format of a client that chose none: the one every client had before the choice existed. */
    public static final AccessTokenFormat DEFAULT = JWT;

    private final String wireName;

    AccessTokenFormat(String wireName) {
        this.wireName = wireName;
    }

    /** {@code jwt} or {@code reference}, exactly; anything else is {@code invalid_client_metadata}. */
    public static AccessTokenFormat parse(String value) {
        return WireNames.find(values(), AccessTokenFormat::wireName, Objects.requireNonNull(value, "value"))
                .orElseThrow(() -> ErrorCode.INVALID_CLIENT_METADATA.exception(
                        "access_token_format must be jwt or reference."));
    }

    public String wireName() {
        return wireName;
    }
}
