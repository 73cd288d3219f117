package dev.connect.oauth.adapter.memory;

import dev.connect.oauth.application.port.out.BrowserSession;
import dev.connect.oauth.application.port.out.SessionRepository;
import dev.connect.oauth.domain.SecretHash;
import java.util.Objects;
import java.util.Optional;

/** {@link SessionRepository} on an {@link InMemoryStore}. */
final class InMemorySessionRepository implements SessionRepository {
    private final InMemoryStore store;

    InMemorySessionRepository(InMemoryStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public void add(BrowserSession session) {
        Objects.requireNonNull(session, "session");
        store.atomically(() -> {
            store.requireAccount(session.accountId());
            if (store.sessions.putIfAbsent(session.hash(), session) != null) {
                throw new IllegalStateException("Duplicate key: session");
            }
        });
    }

    @Override
    public Optional<BrowserSession> findByHash(SecretHash hash) {
        Objects.requireNonNull(hash, "hash");
        return store.atomically(() -> Optional.ofNullable(store.sessions.get(hash)));
    }

    @Override
    public void remove(SecretHash hash) {
        Objects.requireNonNull(hash, "hash");
        store.atomically(() -> store.sessions.remove(hash));
    }
}
