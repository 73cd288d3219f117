package dev.connect.oauth.adapter.persistence;

import static dev.connect.oauth.adapter.persistence.jooq.Tables.PUSHED_AUTHORIZATION_REQUESTS;

import dev.connect.oauth.application.port.out.PushedRequestStore;
import dev.connect.oauth.domain.ClientId;
import dev.connect.oauth.domain.PushedAuthorizationRequest;
import dev.connect.oauth.domain.SecretHash;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link PushedRequestStore} on {@code pushed_authorization_requests}, keyed by the hash of the
 * {@code request_uri}.
 *
 * <p>{@link #take} is one transaction: a locking read of the row ({@code SELECT ... FOR UPDATE}
 * where the hash, the client and the expiry match), then its delete. Of any number of concurrent
 * callers, on any node, one holds the row lock; the others wait for it and then find no row (a
 * locking read sees the latest committed state), so exactly one gets the request. On Galera a
 * concurrent taker on another node loses the certification and is retried, then finds no row.
 */
final class JooqPushedRequestStore implements PushedRequestStore {
    private final JooqDatabase database;

    JooqPushedRequestStore(JooqDatabase database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    @Override
    public void add(PushedAuthorizationRequest request) {
        Objects.requireNonNull(request, "request");
        database.execute(ctx -> ctx.insertInto(PUSHED_AUTHORIZATION_REQUESTS)
                .set(PushedRequestMapper.toRecord(request)).execute());
    }

    @Override
    public Optional<PushedAuthorizationRequest> take(SecretHash hash, ClientId presenter, Instant now) {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(presenter, "presenter");
        Objects.requireNonNull(now, "now");
        return database.transaction(ctx -> {
            Optional<PushedAuthorizationRequest> found = ctx.selectFrom(PUSHED_AUTHORIZATION_REQUESTS)
                    .where(PUSHED_AUTHORIZATION_REQUESTS.HASH.eq(hash.hex())
                            .and(PUSHED_AUTHORIZATION_REQUESTS.CLIENT_ID.eq(presenter.value()))
                            .and(PUSHED_AUTHORIZATION_REQUESTS.EXPIRES_AT.gt(EpochNanos.of(now))))
                    .forUpdate()
                    .fetchOptional(PushedRequestMapper::toRequest);
            if (found.isEmpty()) {
                return found;
            }
            int deleted = ctx.deleteFrom(PUSHED_AUTHORIZATION_REQUESTS)
                    .where(PUSHED_AUTHORIZATION_REQUESTS.HASH.eq(hash.hex())).execute();
            return deleted == 1 ? found : Optional.empty();
        });
    }
}
