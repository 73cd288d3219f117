package dev.connect.oauth.adapter.memory;

import dev.connect.oauth.application.port.out.AuthorizationCodeStore;
import dev.connect.oauth.domain.AuthorizationCode;
import dev.connect.oauth.domain.ClientId;
import dev.connect.oauth.domain.SecretHash;
import java.time.Instant;
import java.util.Objects;

/**
 * {@link AuthorizationCodeStore} on an {@link InMemoryStore}: {@link #redeem} is a
 * compare-and-set under the store's lock, which also checks that the code's grant stands, so one
 * caller wins however many race, and a redemption and its grant's revocation are ordered by the lock.
 */
final class InMemoryAuthorizationCodeStore implements AuthorizationCodeStore {
    private final InMemoryStore store;

    InMemoryAuthorizationCodeStore(InMemoryStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public void add(AuthorizationCode code) {
        Objects.requireNonNull(code, "code");
        store.atomically(() -> {
            store.requireGrant(code.grantId());
            if (store.codes.putIfAbsent(code.hash(), code) != null) {
                throw new IllegalStateException("Duplicate key: authorization code");
            }
        });
    }

    @Override
    public Redemption redeem(SecretHash hash, ClientId presenter, Instant at) {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(presenter, "presenter");
        Objects.requireNonNull(at, "at");
        return store.atomically(() -> {
            AuthorizationCode code = store.codes.get(hash);
            if (code == null || !code.clientId().equals(presenter)) {
                return new Redemption.Unknown();
            }
            if (code.isRedeemed()) {
                return new Redemption.AlreadyRedeemed(code);
            }
            if (!store.grants.get(code.grantId()).isActive()) {
                return new Redemption.GrantRevoked(code);
            }
            store.codes.put(hash, code.redeem(at));
            return new Redemption.Redeemed(code);
        });
    }
}
