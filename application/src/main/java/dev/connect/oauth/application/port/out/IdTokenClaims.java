package dev.connect.oauth.application.port.out;

import dev.connect.oauth.domain.ClientId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The claims of an ID token: the end-user ({@code sub}) authenticated at {@code auth_time} for
 * the client ({@code aud}, and {@code azp}), the request's {@code nonce}, and {@code at_hash}
 * binding the ID token to the access token issued with it.
 *
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#IDToken">OpenID Connect Core 1.0 §2</a>
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#CodeIDToken">OpenID Connect Core 1.0 §3.1.3.6</a>
 */
public record IdTokenClaims(String issuer, String subject, ClientId audience, Instant issuedAt, Instant expiresAt,
                            Optional<Instant> authTime, Optional<String> nonce, String accessTokenHash) {
    public IdTokenClaims {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(authTime, "authTime");
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(accessTokenHash, "accessTokenHash");
    }
}
