package dev.connect.oauth.adapter.memory;

import dev.connect.oauth.application.port.out.MaintenanceSwitchStore;
import java.time.Instant;
import java.util.Objects;

/** {@link MaintenanceSwitchStore} on an {@link InMemoryStore}. */
final class InMemoryMaintenanceSwitchStore implements MaintenanceSwitchStore {
    private final InMemoryStore store;

    InMemoryMaintenanceSwitchStore(InMemoryStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public boolean isOn() {
        return store.atomically(() -> store.maintenance);
    }

    @Override
    public void set(boolean on, Instant at) {
        Objects.requireNonNull(at, "at");
        store.atomically(() -> store.maintenance = on);
    }
}
