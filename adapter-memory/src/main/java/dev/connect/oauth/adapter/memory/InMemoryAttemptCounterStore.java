package dev.connect.oauth.adapter.memory;

import dev.connect.oauth.application.port.out.AttemptCount;
import dev.connect.oauth.application.port.out.AttemptCounterStore;
import dev.connect.oauth.domain.SecretHash;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;

/** {@link AttemptCounterStore} on an {@link InMemoryStore}. */
final class InMemoryAttemptCounterStore implements AttemptCounterStore {
    private final InMemoryStore store;

    InMemoryAttemptCounterStore(InMemoryStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public AttemptCount add(SecretHash key, Instant at, Duration window) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(window, "window");
        return store.atomically(() -> store.attemptCounts.compute(key, (k, count) -> count == null
                || !count.windowEndsAt().isAfter(at)
                ? new AttemptCount(1, at.plus(window))
                : new AttemptCount(count.hits() + 1, count.windowEndsAt())));
    }

    @Override
    public Map<SecretHash, AttemptCount> find(Collection<SecretHash> keys, Instant at) {
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(at, "at");
        return store.atomically(() -> {
            Map<SecretHash, AttemptCount> live = new HashMap<>();
            for (SecretHash key : keys) {
                AttemptCount count = store.attemptCounts.get(key);
                if (count != null && count.windowEndsAt().isAfter(at)) {
                    live.put(key, count);
                }
            }
            return Map.copyOf(live);
        });
    }

    @Override
    public void remove(SecretHash key) {
        Objects.requireNonNull(key, "key");
        store.atomically(() -> store.attemptCounts.remove(key));
    }

    @Override
    public int purgeEnded(Instant at, int limit) {
        Objects.requireNonNull(at, "at");
        return store.atomically(() -> {
            int purged = 0;
            Iterator<AttemptCount> counts = store.attemptCounts.values().iterator();
            while (counts.hasNext() && purged < limit) {
                if (counts.next().windowEndsAt().isBefore(at)) {
                    counts.remove();
                    purged++;
                }
            }
            return purged;
        });
    }
}
