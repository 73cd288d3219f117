package dev.connect.oauth.application.port.out;

/**
 * Signs ID tokens as JWTs with the same rotating keys as access tokens (ES256), so the JWK Set
 * that verifies access tokens verifies them too. Thread-safe; no atomicity concerns (it writes
 * nothing), and every node sharing the signing key store signs alike.
 *
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#IDToken">OpenID Connect Core 1.0 §2</a>
 */
public interface IdTokenSigner {
    /** The signed ID token ({@code typ} {@code JWT}). */
    String sign(IdTokenClaims claims);
}
