package dev.connect.oauth.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An issued access token as the server keeps it: its {@code jti}, the hash of the token string,
 * its grant, the refresh token issued with it (if any) and its life. It is active until it
 * expires, or it or its grant is revoked.
 *
 * @param boundKey the key a DPoP-bound token is bound to ({@code cnf.jkt}): it is then valid only
 *                 with a proof of that key, and never as a plain bearer token
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9068">RFC 9068</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9449#section-6">RFC 9449 §6</a>
 */
public record AccessToken(TokenId id, SecretHash hash, GrantId grantId, ClientId clientId,
                          Optional<AccountId> accountId, ScopeSet scopes, Optional<TokenId> refreshTokenId,
                          Instant issuedAt, Instant expiresAt, Optional<Instant> revokedAt,
                          Optional<JwkThumbprint> boundKey) {
    public AccessToken {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(grantId, "grantId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(scopes, "scopes");
        Objects.requireNonNull(refreshTokenId, "refreshTokenId");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(revokedAt, "revokedAt");
        Objects.requireNonNull(boundKey, "boundKey");
        if (!expiresAt.isAfter(issuedAt)) {
            throw new IllegalArgumentException("An access token expires after it is issued");
        }
    }

    /** A bearer token, bound to no key. */
    public AccessToken(TokenId id, SecretHash hash, GrantId grantId, ClientId clientId, Optional<AccountId> accountId,
                       ScopeSet scopes, Optional<TokenId> refreshTokenId, Instant issuedAt, Instant expiresAt,
                       Optional<Instant> revokedAt) {
        this(id, hash, grantId, clientId, accountId, scopes, refreshTokenId, issuedAt, expiresAt, revokedAt,
                Optional.empty());
    }

    /** Whether the token is DPoP-bound: usable only with a proof of {@link #boundKey}. */
    public boolean isKeyBound() {
        return boundKey.isPresent();
    }

    public boolean isActive(Instant now) {
        return revokedAt.isEmpty() && now.isBefore(expiresAt);
    }
}
