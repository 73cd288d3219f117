package dev.connect.oauth.adapter.memory;

import dev.connect.oauth.application.port.out.GrantRepository;
import dev.connect.oauth.domain.AccountId;
import dev.connect.oauth.domain.ClientId;
import dev.connect.oauth.domain.Grant;
import dev.connect.oauth.domain.GrantId;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link GrantRepository} on an {@link InMemoryStore}. Revocation updates the grant alone; the
 * token and code lookups of the same store consult the grant, which makes the cascade one step.
 */
final class InMemoryGrantRepository implements GrantRepository {
    private final InMemoryStore store;

    InMemoryGrantRepository(InMemoryStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public void add(Grant grant) {
        Objects.requireNonNull(grant, "grant");
        store.atomically(() -> {
            store.requireClient(grant.clientId());
            grant.accountId().ifPresent(store::requireAccount);
            if (store.grants.putIfAbsent(grant.id(), grant) != null) {
                throw new IllegalStateException("Duplicate key: grant " + grant.id());
            }
        });
    }

    @Override
    public Optional<Grant> findById(GrantId id) {
        Objects.requireNonNull(id, "id");
        return store.atomically(() -> Optional.ofNullable(store.grants.get(id)));
    }

    @Override
    public List<Grant> findActiveByAccount(AccountId accountId) {
        Objects.requireNonNull(accountId, "accountId");
        return store.atomically(() -> store.grants.values().stream()
                .filter(grant -> grant.isActive() && grant.accountId().equals(Optional.of(accountId)))
                .sorted(Comparator.comparing(Grant::createdAt))
                .toList());
    }

    @Override
    public void revoke(GrantId id, Instant at) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(at, "at");
        store.atomically(() -> store.revokeGrant(id, at));
    }

    @Override
    public int revokeAll(AccountId accountId, ClientId clientId, Instant at) {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(at, "at");
        return store.atomically(() -> {
            List<GrantId> revoking = store.grants.values().stream()
                    .filter(grant -> grant.isActive() && grant.clientId().equals(clientId)
                            && grant.accountId().equals(Optional.of(accountId)))
                    .map(Grant::id)
                    .toList();
            revoking.forEach(id -> store.revokeGrant(id, at));
            return revoking.size();
        });
    }
}
