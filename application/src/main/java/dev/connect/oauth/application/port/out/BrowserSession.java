package dev.connect.oauth.application.port.out;

import dev.connect.oauth.domain.AccountId;
import dev.connect.oauth.domain.SecretHash;
import java.time.Instant;
import java.util.Objects;

/** A signed-in browser, kept as the hash of its cookie value so that any node can serve it. */
public record BrowserSession(SecretHash hash, AccountId accountId, Instant createdAt, Instant expiresAt) {
    public BrowserSession {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    public boolean isActive(Instant now) {
        return now.isBefore(expiresAt);
    }
}
