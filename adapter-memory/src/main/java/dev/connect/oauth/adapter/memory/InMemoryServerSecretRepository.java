package dev.connect.oauth.adapter.memory;

import dev.connect.oauth.application.port.out.ServerSecretRepository;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** {@link ServerSecretRepository} on an {@link InMemoryStore}. */
final class InMemoryServerSecretRepository implements ServerSecretRepository {
    private final InMemoryStore store;

    InMemoryServerSecretRepository(InMemoryStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public Optional<String> find(String name) {
        Objects.requireNonNull(name, "name");
        return store.atomically(() -> Optional.ofNullable(store.serverSecrets.get(name)));
    }

    @Override
    public String addIfAbsent(String name, String sealedValue, Instant at) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sealedValue, "sealedValue");
        Objects.requireNonNull(at, "at");
        ServerSecretRepository.requireValidName(name);
        return store.atomically(() -> store.serverSecrets.computeIfAbsent(name, absent -> sealedValue));
    }

    @Override
    public boolean replace(String name, String expected, String replacement) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(replacement, "replacement");
        return store.atomically(() -> store.serverSecrets.replace(name, expected, replacement));
    }
}
