package dev.connect.oauth.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An issued access token as the server keeps it: its {@code jti}, the hash of the token string,
 * its grant, the refresh token issued with it (if any) and its life. It is active until it
 * expires, or it or its grant is revoked. Its {@code resources} are those it was issued for (its
 * {@code aud}, RFC 8707 §2); {@link ResourceSet#NONE} when it is for the server's default audience.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9068">RFC 9068</a>
 */
public record AccessToken(TokenId id, SecretHash hash, GrantId grantId, ClientId clientId,
                          Optional<AccountId> accountId, ScopeSet scopes, Optional<TokenId> refreshTokenId,
                          Instant issuedAt, Instant expiresAt, Optional<Instant> revokedAt, ResourceSet resources) {
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
        Objects.requireNonNull(resources, "resources");
        if (!expiresAt.isAfter(issuedAt)) {
            throw new IllegalArgumentException("An access token expires after it is issued");
        }
    }

    /** An access token for the default audience. */
    public AccessToken(TokenId id, SecretHash hash, GrantId grantId, ClientId clientId,
                       Optional<AccountId> accountId, ScopeSet scopes, Optional<TokenId> refreshTokenId,
                       Instant issuedAt, Instant expiresAt, Optional<Instant> revokedAt) {
        this(id, hash, grantId, clientId, accountId, scopes, refreshTokenId, issuedAt, expiresAt, revokedAt,
                ResourceSet.NONE);
    }

    public boolean isActive(Instant now) {
        return revokedAt.isEmpty() && now.isBefore(expiresAt);
    }
}
