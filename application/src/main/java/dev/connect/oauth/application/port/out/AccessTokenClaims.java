package dev.connect.oauth.application.port.out;

import dev.connect.oauth.domain.ClientId;
import dev.connect.oauth.domain.JwkThumbprint;
import dev.connect.oauth.domain.ScopeSet;
import dev.connect.oauth.domain.TokenId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The claims of a JWT access token.
 *
 * @param subject         the account id, or the client id for the client credentials grant (RFC 9068 §2.2)
 * @param confirmationKey the key a DPoP-bound token is bound to: {@code cnf.jkt} (RFC 9449 §6.1)
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9068#section-2.2">RFC 9068 §2.2</a>
 */
public record AccessTokenClaims(String issuer, String subject, String audience, ClientId clientId,
                                ScopeSet scopes, TokenId jti, Instant issuedAt, Instant expiresAt,
                                Optional<JwkThumbprint> confirmationKey) {
    public AccessTokenClaims {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(scopes, "scopes");
        Objects.requireNonNull(jti, "jti");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(confirmationKey, "confirmationKey");
    }

    /** The claims of a bearer token, bound to no key. */
    public AccessTokenClaims(String issuer, String subject, String audience, ClientId clientId, ScopeSet scopes,
                             TokenId jti, Instant issuedAt, Instant expiresAt) {
        this(issuer, subject, audience, clientId, scopes, jti, issuedAt, expiresAt, Optional.empty());
    }
}
