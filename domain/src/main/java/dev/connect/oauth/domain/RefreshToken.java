package dev.connect.oauth.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An issued refresh token as the server keeps it: the hash of its opaque value, its grant and its
 * place in the rotation chain. Every use retires it and issues a successor; a retired token
 * presented again is a replay, and the whole grant is revoked.
 *
 * @param boundKey the key a public client's refresh token is bound to, when it was issued with a
 *                 DPoP proof: each refresh must then come with a proof of that key (RFC 9449 §5)
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-6">RFC 6749 §6</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9700#section-4.14.2">RFC 9700 §4.14.2</a>
 */
public record RefreshToken(TokenId id, SecretHash hash, GrantId grantId, ClientId clientId,
                           Optional<AccountId> accountId, ScopeSet scopes, Optional<TokenId> parentId,
                           Instant issuedAt, Instant expiresAt, Optional<Instant> retiredAt,
                           Optional<Instant> revokedAt, Optional<JwkThumbprint> boundKey) {
    public RefreshToken {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(grantId, "grantId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(scopes, "scopes");
        Objects.requireNonNull(parentId, "parentId");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(retiredAt, "retiredAt");
        Objects.requireNonNull(revokedAt, "revokedAt");
        Objects.requireNonNull(boundKey, "boundKey");
        if (!expiresAt.isAfter(issuedAt)) {
            throw new IllegalArgumentException("A refresh token expires after it is issued");
        }
    }

    /** A refresh token bound to no key. */
    public RefreshToken(TokenId id, SecretHash hash, GrantId grantId, ClientId clientId, Optional<AccountId> accountId,
                        ScopeSet scopes, Optional<TokenId> parentId, Instant issuedAt, Instant expiresAt,
                        Optional<Instant> retiredAt, Optional<Instant> revokedAt) {
        this(id, hash, grantId, clientId, accountId, scopes, parentId, issuedAt, expiresAt, retiredAt, revokedAt,
                Optional.empty());
    }

    /**
     * Checks the key of the refresh request's DPoP proof against this token's binding (RFC 9449 §5):
     * a bound token refreshes only with a proof of its key.
     *
     * @throws OAuthException {@code invalid_grant} without such a proof
     */
    public void checkProofKey(Optional<JwkThumbprint> proofKey) {
        if (boundKey.isPresent() && !boundKey.equals(proofKey)) {
            throw ErrorCode.INVALID_GRANT.exception(proofKey.isEmpty()
                    ? "The refresh token is DPoP-bound: send a DPoP proof of its key."
                    : "The DPoP proof's key is not the key the refresh token is bound to.");
        }
    }

    /** Retired by rotation: presenting it again is a replay (RFC 9700 §4.14.2). */
    public boolean isRetired() {
        return retiredAt.isPresent();
    }

    public boolean isActive(Instant now) {
        return retiredAt.isEmpty() && revokedAt.isEmpty() && now.isBefore(expiresAt);
    }

    /**
     * The successor issued by rotation: same grant, client, account and scopes (RFC 6749 §6: a
     * new refresh token keeps the scope of the one it replaces), a new id and hash and life.
     */
    public RefreshToken successor(TokenId newId, SecretHash newHash, Instant now, Instant newExpiresAt) {
        return successor(newId, newHash, now, newExpiresAt, boundKey);
    }

    /** The {@linkplain #successor(TokenId, SecretHash, Instant, Instant) successor}, bound to {@code key}. */
    public RefreshToken successor(TokenId newId, SecretHash newHash, Instant now, Instant newExpiresAt,
                                  Optional<JwkThumbprint> key) {
        return new RefreshToken(newId, newHash, grantId, clientId, accountId, scopes, Optional.of(id),
                now, newExpiresAt, Optional.empty(), Optional.empty(), key);
    }
}
