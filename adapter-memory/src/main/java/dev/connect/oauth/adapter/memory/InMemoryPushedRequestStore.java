package dev.connect.oauth.adapter.memory;

import dev.connect.oauth.application.port.out.PushedRequestStore;
import dev.connect.oauth.domain.ClientId;
import dev.connect.oauth.domain.PushedAuthorizationRequest;
import dev.connect.oauth.domain.SecretHash;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link PushedRequestStore} on an {@link InMemoryStore}: {@link #take} checks and removes under
 * the store's lock, so one caller gets the request however many race.
 */
final class InMemoryPushedRequestStore implements PushedRequestStore {
    private final InMemoryStore store;

    InMemoryPushedRequestStore(InMemoryStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public void add(PushedAuthorizationRequest request) {
        Objects.requireNonNull(request, "request");
        store.atomically(() -> {
            if (store.pushedRequests.putIfAbsent(request.hash(), request) != null) {
                throw new IllegalStateException("Duplicate key: pushed authorization request");
            }
        });
    }

    @Override
    public Optional<PushedAuthorizationRequest> take(SecretHash hash, ClientId presenter, Instant now) {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(presenter, "presenter");
        Objects.requireNonNull(now, "now");
        return store.atomically(() -> {
            PushedAuthorizationRequest request = store.pushedRequests.get(hash);
            if (request == null || !request.clientId().equals(presenter) || request.isExpiredAt(now)) {
                return Optional.empty();
            }
            store.pushedRequests.remove(hash);
            return Optional.of(request);
        });
    }
}
