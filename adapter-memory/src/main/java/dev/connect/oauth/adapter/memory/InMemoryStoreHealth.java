package dev.connect.oauth.adapter.memory;

import dev.connect.oauth.application.port.out.StoreHealth;
import java.util.Objects;

/**
 * {@link StoreHealth} of an {@link InMemoryStore}: fails while {@link InMemoryStore#setAvailable(boolean)} has
 * switched the store off, like every other port of the store, as when a database stops answering.
 */
final class InMemoryStoreHealth implements StoreHealth {
    private final InMemoryStore store;

    InMemoryStoreHealth(InMemoryStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public void ping() {
        store.requireAvailable();
    }
}
