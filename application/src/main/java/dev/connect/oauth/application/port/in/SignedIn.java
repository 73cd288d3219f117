package dev.connect.oauth.application.port.in;

import dev.connect.oauth.domain.AccountId;
import java.time.Instant;
import java.util.Objects;

/** A new browser session: the cookie value (shown once; only its hash is kept) and its life. */
public record SignedIn(String sessionToken, AccountId accountId, Instant expiresAt) {
    public SignedIn {
        Objects.requireNonNull(sessionToken, "sessionToken");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    @Override
    public String toString() {
        return "SignedIn[accountId=" + accountId + ", expiresAt=" + expiresAt + "]";
    }
}
