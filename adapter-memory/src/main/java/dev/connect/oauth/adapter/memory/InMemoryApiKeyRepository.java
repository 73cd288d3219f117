package dev.connect.oauth.adapter.memory;

import dev.connect.oauth.application.port.out.ApiKeyRepository;
import dev.connect.oauth.domain.AccountId;
import dev.connect.oauth.domain.ApiKeyId;
import dev.connect.oauth.domain.IssuedApiKey;
import dev.connect.oauth.domain.SecretHash;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** {@link ApiKeyRepository} on an {@link InMemoryStore}. */
final class InMemoryApiKeyRepository implements ApiKeyRepository {
    private final InMemoryStore store;

    InMemoryApiKeyRepository(InMemoryStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public void add(IssuedApiKey key) {
        Objects.requireNonNull(key, "key");
        store.atomically(() -> {
            store.requireAccount(key.accountId());
            store.requireNewApiKey(key);
            store.apiKeys.put(key.hash(), key);
        });
    }

    @Override
    public Optional<IssuedApiKey> findByHash(SecretHash hash) {
        Objects.requireNonNull(hash, "hash");
        return store.atomically(() -> Optional.ofNullable(store.apiKeys.get(hash)));
    }

    @Override
    public boolean revoke(AccountId owner, ApiKeyId id, Instant at) {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(at, "at");
        return store.atomically(() -> store.apiKeys.values().stream()
                .filter(key -> key.id().equals(id) && key.accountId().equals(owner) && key.isActive())
                .findFirst()
                .map(key -> {
                    store.apiKeys.put(key.hash(), new IssuedApiKey(key.id(), key.accountId(), key.hash(),
                            key.createdAt(), Optional.of(at)));
                    return true;
                })
                .orElse(false));
    }
}
