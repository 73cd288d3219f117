package dev.connect.oauth.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** An API key as the server keeps it: only the hash of the key, its owner and its life. */
public record IssuedApiKey(ApiKeyId id, AccountId accountId, SecretHash hash, Instant createdAt,
                           Optional<Instant> revokedAt) {
    public IssuedApiKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(revokedAt, "revokedAt");
    }

    public static IssuedApiKey issue(ApiKeyId id, AccountId accountId, SecretHash hash, Instant now) {
        return new IssuedApiKey(id, accountId, hash, now, Optional.empty());
    }

    public boolean isActive() {
        return revokedAt.isEmpty();
    }
}
