package dev.connect.oauth.application.port.out;

import java.util.Objects;

/**
 * Every store-backed out-port of one store, as an adapter provides them together: what the port
 * contract suite opens for each test, and what service tests wire.
 */
public record StorePorts(ClientRepository clients, AccountRepository accounts, ApiKeyRepository apiKeys,
                         GrantRepository grants, AuthorizationCodeStore codes, TokenRepository tokens,
                         SessionRepository sessions, SigningKeyRepository signingKeys, AuditLog audit,
                         StoreHealth health, AccessTokenLookup accessTokenLookup, MaintenanceSwitchStore maintenance,
                         AttemptCounterStore attempts, StorePurge purge) {
    public StorePorts {
        Objects.requireNonNull(clients, "clients");
        Objects.requireNonNull(accounts, "accounts");
        Objects.requireNonNull(apiKeys, "apiKeys");
        Objects.requireNonNull(grants, "grants");
        Objects.requireNonNull(codes, "codes");
        Objects.requireNonNull(tokens, "tokens");
        Objects.requireNonNull(sessions, "sessions");
        Objects.requireNonNull(signingKeys, "signingKeys");
        Objects.requireNonNull(audit, "audit");
        Objects.requireNonNull(health, "health");
        Objects.requireNonNull(accessTokenLookup, "accessTokenLookup");
        Objects.requireNonNull(maintenance, "maintenance");
        Objects.requireNonNull(attempts, "attempts");
        Objects.requireNonNull(purge, "purge");
    }
}
