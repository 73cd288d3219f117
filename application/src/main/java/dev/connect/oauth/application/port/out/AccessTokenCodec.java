package dev.connect.oauth.application.port.out;

/**
 * Signs access tokens as JWTs and publishes the keys that verify them. Thread-safe; every node
 * sharing the signing key store signs and verifies alike. Only the tokens of clients that chose
 * {@link dev.connect.oauth.domain.AccessTokenFormat#JWT JWT} access tokens come here; reference tokens
 * are random strings that need no signature.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9068">RFC 9068</a>
 */
public interface AccessTokenCodec {
    /**
     * The signed token ({@code typ} {@code at+jwt}), its payload starting with the {@code jti}
     * claim: <code>{"jti":"</code> and then its value, with no space. The store finds a token by a
     * key read from there (the time its id starts with), without parsing the rest.
     */
    String encode(AccessTokenClaims claims);

    /** The JWK Set JSON (RFC 7517 §5) of every key whose tokens may still be valid. */
    String publicJwkSetJson();
}
