package dev.connect.oauth.adapter.memory;

import dev.connect.oauth.application.port.out.AttemptCount;
import dev.connect.oauth.application.port.out.AuditEvent;
import dev.connect.oauth.application.port.out.BrowserSession;
import dev.connect.oauth.application.port.out.SigningKey;
import dev.connect.oauth.application.port.out.StoreUnavailableException;
import dev.connect.oauth.domain.AccessToken;
import dev.connect.oauth.domain.Account;
import dev.connect.oauth.domain.AccountId;
import dev.connect.oauth.domain.AuthorizationCode;
import dev.connect.oauth.domain.Client;
import dev.connect.oauth.domain.DeviceAuthorization;
import dev.connect.oauth.domain.ClientId;
import dev.connect.oauth.domain.Grant;
import dev.connect.oauth.domain.GrantId;
import dev.connect.oauth.domain.IssuedApiKey;
import dev.connect.oauth.domain.PushedAuthorizationRequest;
import dev.connect.oauth.domain.RefreshToken;
import dev.connect.oauth.domain.SecretHash;
import dev.connect.oauth.domain.TokenId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The state behind the in-memory ports: the tables of one database. Every port call runs
 * {@link #atomically} under one lock, which makes each call one atomic step, as the ports promise,
 * including the cascades that touch several tables. Like a database with foreign keys, it refuses
 * a row whose client, account, grant or refresh token is not stored (with
 * {@link IllegalStateException}: a bug in the caller, not an OAuth error).
 *
 * <p>{@link #setAvailable(boolean) setAvailable(false)} makes every port of this store throw
 * {@link StoreUnavailableException}, as a database that stopped answering would.
 */
public final class InMemoryStore {
    private final Object lock = new Object();
    private volatile boolean available = true;

    final Map<ClientId, Client> clients = new LinkedHashMap<>();
    final Map<AccountId, Account> accounts = new LinkedHashMap<>();
    final Map<SecretHash, IssuedApiKey> apiKeys = new HashMap<>();
    final Map<GrantId, Grant> grants = new LinkedHashMap<>();
    final Map<SecretHash, AuthorizationCode> codes = new HashMap<>();
    /** Device authorization requests by the hash of their device code. */
    final Map<SecretHash, DeviceAuthorization> deviceAuthorizations = new LinkedHashMap<>();
    final Map<TokenId, AccessToken> accessTokens = new HashMap<>();
    final Map<SecretHash, TokenId> accessTokenIds = new HashMap<>();
    final Map<TokenId, RefreshToken> refreshTokens = new HashMap<>();
    final Map<SecretHash, TokenId> refreshTokenIds = new HashMap<>();
    final Map<SecretHash, BrowserSession> sessions = new HashMap<>();
    final List<SigningKey> signingKeys = new ArrayList<>();
    final List<AuditEvent> auditEvents = new ArrayList<>();
    final Map<SecretHash, AttemptCount> attemptCounts = new HashMap<>();
    final Map<SecretHash, Instant> jtiClaims = new HashMap<>();
    final Map<SecretHash, PushedAuthorizationRequest> pushedRequests = new HashMap<>();
    boolean maintenance;

    /** Switches the store on or off; while off, every call of its ports fails. */
    public void setAvailable(boolean available) {
        this.available = available;
    }

    /** Runs one port call as a single atomic step. */
    <T> T atomically(Supplier<T> call) {
        requireAvailable();
        synchronized (lock) {
            return call.get();
        }
    }

    void atomically(Runnable call) {
        atomically(() -> {
            call.run();
            return null;
        });
    }

    void requireAvailable() {
        if (!available) {
            throw new StoreUnavailableException("The in-memory store is switched off", null);
        }
    }

    /**
     * Revokes a grant, keeping the first revocation time; called under the lock. Its codes and
     * tokens need no update: their lookups consult the grant.
     */
    void revokeGrant(GrantId id, Instant at) {
        grants.computeIfPresent(id, (key, grant) -> grant.isActive()
                ? new Grant(grant.id(), grant.clientId(), grant.accountId(), grant.scopes(), grant.createdAt(),
                        Optional.of(at))
                : grant);
    }

    /** Foreign key checks, called under the lock. */
    void requireClient(ClientId id) {
        requireRow(clients.containsKey(id), "client " + id);
    }

    void requireAccount(AccountId id) {
        requireRow(accounts.containsKey(id), "account " + id);
    }

    void requireGrant(GrantId id) {
        requireRow(grants.containsKey(id), "grant " + id);
    }

    void requireRefreshToken(TokenId id) {
        requireRow(refreshTokens.containsKey(id), "refresh token " + id);
    }

    /** Unique key checks of {@code api_keys} (hash and id), called under the lock before storing a key. */
    void requireNewApiKey(IssuedApiKey key) {
        boolean duplicate = apiKeys.containsKey(key.hash())
                || apiKeys.values().stream().anyMatch(other -> other.id().equals(key.id()));
        if (duplicate) {
            throw new IllegalStateException("Duplicate key: API key " + key.id());
        }
    }

    private static void requireRow(boolean present, String row) {
        if (!present) {
            throw new IllegalStateException("Foreign key violated: no " + row + " is stored");
        }
    }
}
