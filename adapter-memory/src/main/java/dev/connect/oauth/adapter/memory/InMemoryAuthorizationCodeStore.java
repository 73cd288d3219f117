package dev.connect.oauth.adapter.memory;

import dev.connect.oauth.application.port.out.AuthorizationCodeStore;
import dev.connect.oauth.domain.AccessToken;
import dev.connect.oauth.domain.AuthorizationCode;
import dev.connect.oauth.domain.ClientId;
import dev.connect.oauth.domain.RefreshToken;
import dev.connect.oauth.domain.SecretHash;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link AuthorizationCodeStore} on an {@link InMemoryStore}: {@link #redeem} is a
 * compare-and-set under the store's lock, which also checks that the code's grant stands, so one
 * caller wins however many race, and a redemption and its grant's revocation are ordered by the lock.
 * {@link #redeemAndStore} stores the tokens through an {@link InMemoryTokenRepository} on the same
 * store, under the same (reentrant) lock, before it marks the code redeemed, so a refused token
 * leaves the code as it was.
 */
final class InMemoryAuthorizationCodeStore implements AuthorizationCodeStore {
    private final InMemoryStore store;
    private final InMemoryTokenRepository tokens;

    InMemoryAuthorizationCodeStore(InMemoryStore store) {
        this.store = Objects.requireNonNull(store, "store");
        this.tokens = new InMemoryTokenRepository(store);
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

    @Override
    public Optional<AuthorizationCode> find(SecretHash hash, ClientId presenter) {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(presenter, "presenter");
        return store.atomically(() -> Optional.ofNullable(store.codes.get(hash))
                .filter(code -> code.clientId().equals(presenter)));
    }

    @Override
    public boolean redeemAndStore(SecretHash hash, ClientId presenter, Instant at, AccessToken accessToken,
                                  RefreshToken refreshToken) {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(refreshToken, "refreshToken");
        return store.atomically(() -> {
            Optional<AuthorizationCode> redeemable = find(hash, presenter)
                    .filter(code -> !code.isRedeemed() && store.grants.get(code.grantId()).isActive());
            redeemable.ifPresent(code -> {
                tokens.add(accessToken, Optional.of(refreshToken));
                store.codes.put(hash, code.redeem(at));
            });
            return redeemable.isPresent();
        });
    }
}
