package dev.connect.oauth.adapter.memory;

import dev.connect.oauth.application.port.out.DeviceAuthorizationStore;
import dev.connect.oauth.domain.AccessToken;
import dev.connect.oauth.domain.ClientId;
import dev.connect.oauth.domain.DeviceAuthorization;
import dev.connect.oauth.domain.Grant;
import dev.connect.oauth.domain.RefreshToken;
import dev.connect.oauth.domain.SecretHash;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link DeviceAuthorizationStore} on an {@link InMemoryStore}: each change is a compare-and-set
 * under the store's lock. {@link #decide} stores an approval's grant through an
 * {@link InMemoryGrantRepository} and {@link #redeemAndStore} the tokens through an
 * {@link InMemoryTokenRepository} on the same store, under the same (reentrant) lock, before the
 * request changes, so a refused row leaves the request as it was.
 */
final class InMemoryDeviceAuthorizationStore implements DeviceAuthorizationStore {
    private final InMemoryStore store;
    private final InMemoryGrantRepository grants;
    private final InMemoryTokenRepository tokens;

    InMemoryDeviceAuthorizationStore(InMemoryStore store) {
        this.store = Objects.requireNonNull(store, "store");
        this.grants = new InMemoryGrantRepository(store);
        this.tokens = new InMemoryTokenRepository(store);
    }

    @Override
    public boolean add(DeviceAuthorization request) {
        Objects.requireNonNull(request, "request");
        return store.atomically(() -> {
            store.requireClient(request.clientId());
            request.grantId().ifPresent(store::requireGrant);
            if (store.deviceAuthorizations.containsKey(request.deviceCodeHash())) {
                throw new IllegalStateException("Duplicate key: device code");
            }
            boolean userCodeTaken = store.deviceAuthorizations.values().stream()
                    .anyMatch(other -> other.userCodeHash().equals(request.userCodeHash()));
            if (userCodeTaken) {
                return false;
            }
            store.deviceAuthorizations.put(request.deviceCodeHash(), request);
            return true;
        });
    }

    @Override
    public Optional<DeviceAuthorization> findByDeviceCode(SecretHash deviceCodeHash, ClientId presenter) {
        Objects.requireNonNull(deviceCodeHash, "deviceCodeHash");
        Objects.requireNonNull(presenter, "presenter");
        return store.atomically(() -> Optional.ofNullable(store.deviceAuthorizations.get(deviceCodeHash))
                .filter(request -> request.clientId().equals(presenter)));
    }

    @Override
    public Optional<DeviceAuthorization> findByUserCode(SecretHash userCodeHash) {
        Objects.requireNonNull(userCodeHash, "userCodeHash");
        return store.atomically(() -> byUserCode(userCodeHash));
    }

    @Override
    public boolean recordPoll(SecretHash deviceCodeHash, Optional<Instant> previousPoll, Instant polledAt,
                              Duration interval) {
        Objects.requireNonNull(deviceCodeHash, "deviceCodeHash");
        Objects.requireNonNull(previousPoll, "previousPoll");
        Objects.requireNonNull(polledAt, "polledAt");
        Objects.requireNonNull(interval, "interval");
        return store.atomically(() -> {
            DeviceAuthorization request = store.deviceAuthorizations.get(deviceCodeHash);
            if (request == null || !request.lastPolledAt().equals(previousPoll)) {
                return false;
            }
            store.deviceAuthorizations.put(deviceCodeHash, new DeviceAuthorization(request.deviceCodeHash(),
                    request.userCodeHash(), request.clientId(), request.scopes(), request.issuedAt(),
                    request.expiresAt(), interval, Optional.of(polledAt), request.status(), request.grantId(),
                    request.redeemedAt()));
            return true;
        });
    }

    @Override
    public boolean decide(SecretHash userCodeHash, Optional<Grant> grant, Instant at) {
        Objects.requireNonNull(userCodeHash, "userCodeHash");
        Objects.requireNonNull(grant, "grant");
        Objects.requireNonNull(at, "at");
        return store.atomically(() -> {
            Optional<DeviceAuthorization> decidable = byUserCode(userCodeHash).filter(request -> request.isDecidable(at));
            decidable.ifPresent(request -> {
                grant.ifPresent(grants::add);
                DeviceAuthorization decided = grant.map(approved -> request.approve(approved.id(), at))
                        .orElseGet(() -> request.deny(at));
                store.deviceAuthorizations.put(request.deviceCodeHash(), decided);
            });
            return decidable.isPresent();
        });
    }

    @Override
    public boolean redeemAndStore(SecretHash deviceCodeHash, ClientId presenter, Instant at, AccessToken accessToken,
                                  RefreshToken refreshToken) {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(refreshToken, "refreshToken");
        return store.atomically(() -> {
            Optional<DeviceAuthorization> redeemable = findByDeviceCode(deviceCodeHash, presenter)
                    .filter(request -> request.status() == DeviceAuthorization.Status.APPROVED
                            && request.redeemedAt().isEmpty() && !request.isExpired(at)
                            && store.grants.get(request.grantId().orElseThrow()).isActive());
            redeemable.ifPresent(request -> {
                tokens.add(accessToken, Optional.of(refreshToken));
                store.deviceAuthorizations.put(deviceCodeHash, request.redeem(at));
            });
            return redeemable.isPresent();
        });
    }

    private Optional<DeviceAuthorization> byUserCode(SecretHash userCodeHash) {
        return store.deviceAuthorizations.values().stream()
                .filter(request -> request.userCodeHash().equals(userCodeHash)).findFirst();
    }
}
