package dev.connect.oauth.adapter.memory;

import dev.connect.oauth.application.port.out.ClientRepository;
import dev.connect.oauth.domain.Client;
import dev.connect.oauth.domain.ClientId;
import dev.connect.oauth.domain.SealedSecret;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** {@link ClientRepository} on an {@link InMemoryStore}. */
final class InMemoryClientRepository implements ClientRepository {
    private final InMemoryStore store;

    InMemoryClientRepository(InMemoryStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public void add(Client client) {
        Objects.requireNonNull(client, "client");
        store.atomically(() -> {
            if (store.clients.putIfAbsent(client.id(), client) != null) {
                throw new IllegalStateException("Duplicate key: client " + client.id());
            }
        });
    }

    @Override
    public boolean update(Client client) {
        Objects.requireNonNull(client, "client");
        return store.atomically(() -> store.clients.replace(client.id(), client) != null);
    }

    @Override
    public boolean replaceSealedSecret(ClientId id, SealedSecret expected, SealedSecret replacement) {
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(replacement, "replacement");
        return store.atomically(() -> {
            Client stored = store.clients.get(Objects.requireNonNull(id, "id"));
            if (stored == null || !stored.sealedSecret().equals(Optional.of(expected))) {
                return false;
            }
            store.clients.put(id, stored.withSealedSecret(replacement));
            return true;
        });
    }

    @Override
    public Optional<Client> findById(ClientId id) {
        Objects.requireNonNull(id, "id");
        return store.atomically(() -> Optional.ofNullable(store.clients.get(id)));
    }

    /** Oldest first by creation time; clients made at the same instant in the order they were added. */
    @Override
    public List<Client> findAll() {
        return store.atomically(() -> store.clients.values().stream()
                .sorted(Comparator.comparing(Client::createdAt))
                .toList());
    }

    @Override
    public boolean remove(ClientId id, Instant at) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(at, "at");
        return store.atomically(() -> {
            if (store.clients.remove(id) == null) {
                return false;
            }
            List.copyOf(store.grants.values()).stream()
                    .filter(grant -> grant.clientId().equals(id))
                    .forEach(grant -> store.revokeGrant(grant.id(), at));
            return true;
        });
    }
}
