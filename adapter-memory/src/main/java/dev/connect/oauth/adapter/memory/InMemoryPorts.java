package dev.connect.oauth.adapter.memory;

import dev.connect.oauth.application.port.out.StorePorts;
import java.util.Objects;

/** Wires every in-memory store port onto one {@link InMemoryStore}. */
public final class InMemoryPorts {
    private InMemoryPorts() {
    }

    /** The ports of a fresh, empty store. */
    public static StorePorts create() {
        return create(new InMemoryStore());
    }

    /** The ports of {@code store}, for a test that also switches it off or sets its clock. */
    public static StorePorts create(InMemoryStore store) {
        Objects.requireNonNull(store, "store");
        return new StorePorts(new InMemoryClientRepository(store), new InMemoryAccountRepository(store),
                new InMemoryApiKeyRepository(store), new InMemoryGrantRepository(store),
                new InMemoryAuthorizationCodeStore(store), new InMemoryTokenRepository(store),
                new InMemorySessionRepository(store), new InMemorySigningKeyRepository(store),
                new InMemoryAuditLog(store), new InMemoryStoreHealth(store), new InMemoryAccessTokenLookup(store),
                new InMemoryMaintenanceSwitchStore(store), new InMemoryAttemptCounterStore(store),
                new InMemoryJtiStore(store), new InMemoryStorePurge(store), new InMemoryPushedRequestStore(store),
                new InMemoryDeviceAuthorizationStore(store));
    }
}
