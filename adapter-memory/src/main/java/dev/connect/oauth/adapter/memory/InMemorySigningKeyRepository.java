package dev.connect.oauth.adapter.memory;

import dev.connect.oauth.application.port.out.SigningKey;
import dev.connect.oauth.application.port.out.SigningKeyRepository;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/** {@link SigningKeyRepository} on an {@link InMemoryStore}. */
final class InMemorySigningKeyRepository implements SigningKeyRepository {
    private final InMemoryStore store;

    InMemorySigningKeyRepository(InMemoryStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public void add(SigningKey key) {
        Objects.requireNonNull(key, "key");
        store.atomically(() -> {
            if (store.signingKeys.stream().anyMatch(other -> other.kid().equals(key.kid()))) {
                throw new IllegalStateException("Duplicate key: signing key " + key.kid());
            }
            store.signingKeys.add(key);
        });
    }

    /** Newest first by creation time; keys made at the same instant, the last added first. */
    @Override
    public List<SigningKey> findAll() {
        return store.atomically(() -> store.signingKeys.reversed().stream()
                .sorted(Comparator.comparing(SigningKey::createdAt).reversed())
                .toList());
    }

    @Override
    public int retireOlderThan(Instant createdBefore, Instant at) {
        Objects.requireNonNull(createdBefore, "createdBefore");
        Objects.requireNonNull(at, "at");
        return store.atomically(() -> {
            int retired = 0;
            for (int i = 0; i < store.signingKeys.size(); i++) {
                SigningKey key = store.signingKeys.get(i);
                if (key.retiredAt().isEmpty() && key.createdAt().isBefore(createdBefore)) {
                    store.signingKeys.set(i, new SigningKey(key.kid(), key.algorithm(), key.sealedPrivateKey(),
                            key.createdAt(), Optional.of(at)));
                    retired++;
                }
            }
            return retired;
        });
    }

    @Override
    public int deleteRetiredBefore(Instant retiredBefore) {
        Objects.requireNonNull(retiredBefore, "retiredBefore");
        Predicate<SigningKey> expired = key -> key.retiredAt().filter(at -> at.isBefore(retiredBefore)).isPresent();
        return store.atomically(() -> {
            int before = store.signingKeys.size();
            store.signingKeys.removeIf(expired);
            return before - store.signingKeys.size();
        });
    }

    @Override
    public boolean replaceSealedPrivateKey(String kid, String expected, String replacement) {
        Objects.requireNonNull(kid, "kid");
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(replacement, "replacement");
        return store.atomically(() -> {
            for (int i = 0; i < store.signingKeys.size(); i++) {
                SigningKey key = store.signingKeys.get(i);
                if (key.kid().equals(kid) && key.sealedPrivateKey().equals(expected)) {
                    store.signingKeys.set(i, new SigningKey(kid, key.algorithm(), replacement, key.createdAt(),
                            key.retiredAt()));
                    return true;
                }
            }
            return false;
        });
    }
}
