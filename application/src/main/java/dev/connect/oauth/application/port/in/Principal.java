package dev.connect.oauth.application.port.in;

import dev.connect.oauth.domain.Account;
import dev.connect.oauth.domain.ApiKeyId;
import dev.connect.oauth.domain.ErrorCode;
import java.util.Objects;

/** The account behind an authenticated API key, and the key it used. */
public record Principal(Account account, ApiKeyId apiKeyId) {
    public Principal {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(apiKeyId, "apiKeyId");
    }

    /** Admin-only methods answer 403 to anyone else (seed error table). */
    public void requireAdmin() {
        if (!account.isAdmin()) {
            throw ErrorCode.FORBIDDEN.exception();
        }
    }
}
