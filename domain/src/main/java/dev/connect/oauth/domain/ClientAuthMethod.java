package dev.connect.oauth.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * A {@code token_endpoint_auth_method}: how a client authenticates at the token endpoint and at
 * every other endpoint that authenticates clients (revocation, introspection).
 *
 * <p>The two ways of presenting a secret, {@link #CLIENT_SECRET_BASIC} and
 * {@link #CLIENT_SECRET_POST}, are one method as far as enforcement goes: every client registered
 * before the method existed used either, and neither is stronger than the other. Every other method
 * is enforced as registered: a {@link #PRIVATE_KEY_JWT} or {@link #CLIENT_SECRET_JWT} client must
 * present an assertion (a {@code client_secret_jwt} client never sends its secret itself, so the server
 * keeps no hash to compare one with), a {@link #NONE} client nothing, a secret client no assertion.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7591#section-2">RFC 7591 §2</a>
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#ClientAuthentication">OpenID Connect Core 1.0 §9</a>
 */
public enum ClientAuthMethod {
    CLIENT_SECRET_BASIC("client_secret_basic"),
    CLIENT_SECRET_POST("client_secret_post"),
    /** An HMAC assertion keyed with the client's secret, which the server keeps sealed ({@link SealedSecret}). */
    CLIENT_SECRET_JWT("client_secret_jwt"),
    PRIVATE_KEY_JWT("private_key_jwt"),
    NONE("none");

    private final String wireName;

    ClientAuthMethod(String wireName) {
        this.wireName = wireName;
    }

    /** The method spelled exactly {@code value}; empty for any other spelling. */
    public static Optional<ClientAuthMethod> parse(String value) {
        return WireNames.find(values(), ClientAuthMethod::wireName, Objects.requireNonNull(value, "value"));
    }

    public String wireName() {
        return wireName;
    }

    /** Whether the client holds a secret the server keeps the hash of. */
    public boolean usesSecretHash() {
        return this == CLIENT_SECRET_BASIC || this == CLIENT_SECRET_POST;
    }

    /** Whether the client authenticates with a JWT assertion (RFC 7523 §2.2). */
    public boolean usesAssertion() {
        return this == PRIVATE_KEY_JWT || this == CLIENT_SECRET_JWT;
    }
}
