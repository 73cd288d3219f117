package dev.connect.oauth.adapter.persistence;

import static dev.connect.oauth.adapter.persistence.jooq.Tables.DEVICE_AUTHORIZATIONS;
import static dev.connect.oauth.adapter.persistence.jooq.Tables.GRANTS;

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
import org.jooq.Condition;
import org.jooq.exception.IntegrityConstraintViolationException;

/**
 * {@link DeviceAuthorizationStore} on {@code device_authorizations}, keyed by the device code's
 * hash, with the user code's hash a unique key.
 *
 * <p>Every change is one conditional {@code UPDATE}, whose row lock lets one of any number of
 * concurrent callers, on any node, change the row: a poll {@code WHERE last_polled_at} is the value it
 * was computed from; a decision {@code WHERE status = 'PENDING' AND expires_at > now}, which in the
 * same transaction then inserts an approval's grant and links it, so no reader ever sees an approval
 * without its grant; a redemption {@code WHERE status = 'APPROVED' AND redeemed_at IS NULL} and the
 * grant stands, followed by the inserts of the token pair in one transaction of the
 * {@link GroupCommit}, as {@link JooqAuthorizationCodeStore} does for codes.
 */
final class JooqDeviceAuthorizationStore implements DeviceAuthorizationStore {
    private final JooqDatabase database;
    private final GroupCommit writes;

    JooqDeviceAuthorizationStore(JooqDatabase database, GroupCommit writes) {
        this.database = Objects.requireNonNull(database, "database");
        this.writes = Objects.requireNonNull(writes, "writes");
    }

    @Override
    public boolean add(DeviceAuthorization request) {
        Objects.requireNonNull(request, "request");
        return database.query(ctx -> {
            try {
                ctx.insertInto(DEVICE_AUTHORIZATIONS).set(DeviceAuthorizationMapper.toRecord(request)).execute();
                return true;
            } catch (IntegrityConstraintViolationException clash) {
                boolean userCodeTaken = ctx.fetchExists(DEVICE_AUTHORIZATIONS,
                        DEVICE_AUTHORIZATIONS.USER_CODE_HASH.eq(request.userCodeHash().hex()));
                if (userCodeTaken) {
                    return false;
                }
                throw clash;
            }
        });
    }

    @Override
    public Optional<DeviceAuthorization> findByDeviceCode(SecretHash deviceCodeHash, ClientId presenter) {
        Objects.requireNonNull(deviceCodeHash, "deviceCodeHash");
        Objects.requireNonNull(presenter, "presenter");
        return find(DEVICE_AUTHORIZATIONS.DEVICE_CODE_HASH.eq(deviceCodeHash.hex())
                .and(DEVICE_AUTHORIZATIONS.CLIENT_ID.eq(presenter.value())));
    }

    @Override
    public Optional<DeviceAuthorization> findByUserCode(SecretHash userCodeHash) {
        Objects.requireNonNull(userCodeHash, "userCodeHash");
        return find(DEVICE_AUTHORIZATIONS.USER_CODE_HASH.eq(userCodeHash.hex()));
    }

    @Override
    public boolean recordPoll(SecretHash deviceCodeHash, Optional<Instant> previousPoll, Instant polledAt,
                              Duration interval) {
        Objects.requireNonNull(deviceCodeHash, "deviceCodeHash");
        Objects.requireNonNull(previousPoll, "previousPoll");
        Objects.requireNonNull(polledAt, "polledAt");
        Objects.requireNonNull(interval, "interval");
        Condition unchanged = previousPoll
                .map(at -> DEVICE_AUTHORIZATIONS.LAST_POLLED_AT.eq(EpochNanos.of(at)))
                .orElse(DEVICE_AUTHORIZATIONS.LAST_POLLED_AT.isNull());
        return database.query(ctx -> ctx.update(DEVICE_AUTHORIZATIONS)
                .set(DEVICE_AUTHORIZATIONS.LAST_POLLED_AT, EpochNanos.of(polledAt))
                .set(DEVICE_AUTHORIZATIONS.POLL_INTERVAL_MILLIS, interval.toMillis())
                .where(DEVICE_AUTHORIZATIONS.DEVICE_CODE_HASH.eq(deviceCodeHash.hex()).and(unchanged))
                .execute() == 1);
    }

    @Override
    public boolean decide(SecretHash userCodeHash, Optional<Grant> grant, Instant at) {
        Objects.requireNonNull(userCodeHash, "userCodeHash");
        Objects.requireNonNull(grant, "grant");
        Objects.requireNonNull(at, "at");
        DeviceAuthorization.Status status = grant.isPresent()
                ? DeviceAuthorization.Status.APPROVED : DeviceAuthorization.Status.DENIED;
        return database.transaction(ctx -> {
            boolean decided = ctx.update(DEVICE_AUTHORIZATIONS)
                    .set(DEVICE_AUTHORIZATIONS.STATUS, status.name())
                    .set(DEVICE_AUTHORIZATIONS.DECIDED_AT, EpochNanos.of(at))
                    .where(DEVICE_AUTHORIZATIONS.USER_CODE_HASH.eq(userCodeHash.hex())
                            .and(DEVICE_AUTHORIZATIONS.STATUS.eq(DeviceAuthorization.Status.PENDING.name()))
                            .and(DEVICE_AUTHORIZATIONS.EXPIRES_AT.gt(EpochNanos.of(at))))
                    .execute() == 1;
            if (decided && grant.isPresent()) {
                ctx.insertInto(GRANTS).set(GrantMapper.toRecord(grant.get())).execute();
                ctx.update(DEVICE_AUTHORIZATIONS)
                        .set(DEVICE_AUTHORIZATIONS.GRANT_ID, grant.get().id().value())
                        .where(DEVICE_AUTHORIZATIONS.USER_CODE_HASH.eq(userCodeHash.hex()))
                        .execute();
            }
            return decided;
        });
    }

    @Override
    public boolean redeemAndStore(SecretHash deviceCodeHash, ClientId presenter, Instant at, AccessToken accessToken,
                                  RefreshToken refreshToken) {
        Objects.requireNonNull(deviceCodeHash, "deviceCodeHash");
        Objects.requireNonNull(presenter, "presenter");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(refreshToken, "refreshToken");
        return writes.run(GroupCommit.Write.when(ctx -> ctx.update(DEVICE_AUTHORIZATIONS)
                        .set(DEVICE_AUTHORIZATIONS.REDEEMED_AT, EpochNanos.of(at))
                        .where(DEVICE_AUTHORIZATIONS.DEVICE_CODE_HASH.eq(deviceCodeHash.hex())
                                .and(DEVICE_AUTHORIZATIONS.CLIENT_ID.eq(presenter.value()))
                                .and(DEVICE_AUTHORIZATIONS.STATUS.eq(DeviceAuthorization.Status.APPROVED.name()))
                                .and(DEVICE_AUTHORIZATIONS.REDEEMED_AT.isNull())
                                .and(DEVICE_AUTHORIZATIONS.EXPIRES_AT.gt(EpochNanos.of(at)))
                                .and(JooqGrantRepository.stands(DEVICE_AUTHORIZATIONS.GRANT_ID))),
                JooqTokenRepository.pair(accessToken, refreshToken)));
    }

    private Optional<DeviceAuthorization> find(Condition condition) {
        return database.query(ctx -> ctx.selectFrom(DEVICE_AUTHORIZATIONS).where(condition)
                .fetchOptional(DeviceAuthorizationMapper::toRequest));
    }
}
