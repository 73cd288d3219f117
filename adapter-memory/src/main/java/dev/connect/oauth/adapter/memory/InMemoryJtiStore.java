package dev.connect.oauth.adapter.memory;

import dev.connect.oauth.application.port.out.JtiStore;
import dev.connect.oauth.domain.SecretHash;
import java.time.Instant;
import java.util.Iterator;
import java.util.Objects;

/** {@link JtiStore} on an {@link InMemoryStore}. */
final class InMemoryJtiStore implements JtiStore {
    private final InMemoryStore store;

    InMemoryJtiStore(InMemoryStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public boolean claim(SecretHash key, Instant at, Instant expiresAt) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(expiresAt, "expiresAt");
        return store.atomically(() -> {
            Instant live = store.jtiClaims.get(key);
            if (live != null && live.isAfter(at)) {
                return false;
            }
            store.jtiClaims.put(key, expiresAt);
            return true;
        });
    }

    @Override
    public int purgeExpired(Instant at, int limit) {
        Objects.requireNonNull(at, "at");
        return store.atomically(() -> {
            int purged = 0;
            Iterator<Instant> claims = store.jtiClaims.values().iterator();
            while (claims.hasNext() && purged < limit) {
                if (claims.next().isBefore(at)) {
                    claims.remove();
                    purged++;
                }
            }
            return purged;
        });
    }
}
