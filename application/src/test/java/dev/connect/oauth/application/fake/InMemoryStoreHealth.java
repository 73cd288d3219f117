package dev.connect.oauth.application.fake;

import dev.connect.oauth.application.port.out.StoreHealth;
import java.util.Objects;

/**
 * {@link StoreHealth} of an {@link InMemoryStore}. {@link #goDown()} switches the whole store off,
 * so the probe and every port of the store fail alike, as when a database stops answering.
 */
public final class InMemoryStoreHealth implements StoreHealth {
    private final InMemoryStore store;

    public InMemoryStoreHealth(InMemoryStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public void ping() {
        store.requireAvailable();
    }

    /** Switches the store off: this probe and every port of the store throw from now on. */
    public void goDown() {
        store.setAvailable(false);
    }

    /** Switches the store back on. */
    public void comeBack() {
        store.setAvailable(true);
    }
}
