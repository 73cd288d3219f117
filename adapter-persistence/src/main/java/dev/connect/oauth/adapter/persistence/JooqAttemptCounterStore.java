package dev.connect.oauth.adapter.persistence;

import static dev.connect.oauth.adapter.persistence.jooq.Tables.ATTEMPT_COUNTERS;

import dev.connect.oauth.adapter.persistence.jooq.tables.records.AttemptCountersRecord;
import dev.connect.oauth.application.port.out.AttemptCount;
import dev.connect.oauth.application.port.out.AttemptCounterStore;
import dev.connect.oauth.domain.SecretHash;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.exception.DataAccessException;
import org.jooq.exception.IntegrityConstraintViolationException;
import org.jooq.impl.DSL;

/**
 * {@link AttemptCounterStore} on {@code attempt_counters}, one row per key hash.
 *
 * <p>{@link #add} is one conditional upsert, {@code INSERT ... ON DUPLICATE KEY UPDATE hits =
 * CASE WHEN window_ends_at <= now THEN 1 ELSE hits + 1 END, window_ends_at = CASE ...} (a
 * {@code MERGE} on H2), read back in the same transaction: the row lock the upsert takes makes
 * concurrent adds on any node count one after the other, and the read sees this add's own
 * count. {@code hits} is assigned first, so both conditions read the row's old window end.
 *
 * <p>Two first adds of one key may both take the insert branch where the engine does not lock
 * the missing row (H2's {@code MERGE}), and a multi-primary cluster may refuse one of two
 * concurrent adds at commit (Galera's certification, SQLSTATE 40001). Either loser was rolled
 * back without counting, so it is tried again, a few times at most: the row now exists.
 */
final class JooqAttemptCounterStore implements AttemptCounterStore {
    private static final int ATTEMPTS = 3;
    private static final String SERIALIZATION_FAILURE = "40001";

    private final JooqDatabase database;

    JooqAttemptCounterStore(JooqDatabase database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    @Override
    public AttemptCount add(SecretHash key, Instant at, Duration window) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(window, "window");
        long now = EpochNanos.of(at);
        long end = EpochNanos.of(at.plus(window));
        for (int attempt = 1; ; attempt++) {
            try {
                return upsert(key, now, end);
            } catch (DataAccessException lost) {
                boolean retryable = lost instanceof IntegrityConstraintViolationException
                        || SERIALIZATION_FAILURE.equals(lost.sqlState());
                if (!retryable || attempt == ATTEMPTS) {
                    throw lost;
                }
            }
        }
    }

    private AttemptCount upsert(SecretHash key, long now, long end) {
        Condition ended = ATTEMPT_COUNTERS.WINDOW_ENDS_AT.le(now);
        return database.transaction(ctx -> {
            ctx.insertInto(ATTEMPT_COUNTERS)
                    .set(ATTEMPT_COUNTERS.KEY_HASH, key.hex()).set(ATTEMPT_COUNTERS.HITS, 1)
                    .set(ATTEMPT_COUNTERS.WINDOW_ENDS_AT, end)
                    .onDuplicateKeyUpdate()
                    .set(ATTEMPT_COUNTERS.HITS, DSL.when(ended, DSL.inline(1)).otherwise(ATTEMPT_COUNTERS.HITS.plus(1)))
                    .set(ATTEMPT_COUNTERS.WINDOW_ENDS_AT, DSL.when(ended, DSL.val(end))
                            .otherwise(ATTEMPT_COUNTERS.WINDOW_ENDS_AT))
                    .execute();
            return toCount(ctx.selectFrom(ATTEMPT_COUNTERS).where(ATTEMPT_COUNTERS.KEY_HASH.eq(key.hex())).fetchSingle());
        });
    }

    @Override
    public Map<SecretHash, AttemptCount> find(Collection<SecretHash> keys, Instant at) {
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(at, "at");
        if (keys.isEmpty()) {
            return Map.of();
        }
        return database.query(ctx -> ctx.selectFrom(ATTEMPT_COUNTERS)
                .where(ATTEMPT_COUNTERS.KEY_HASH.in(keys.stream().map(SecretHash::hex).toList()))
                .and(ATTEMPT_COUNTERS.WINDOW_ENDS_AT.gt(EpochNanos.of(at)))
                .fetch().stream()
                .collect(Collectors.toUnmodifiableMap(row -> new SecretHash(row.getKeyHash()),
                        JooqAttemptCounterStore::toCount)));
    }

    @Override
    public void remove(SecretHash key) {
        Objects.requireNonNull(key, "key");
        database.execute(ctx -> ctx.deleteFrom(ATTEMPT_COUNTERS).where(ATTEMPT_COUNTERS.KEY_HASH.eq(key.hex())).execute());
    }

    @Override
    public int purgeEnded(Instant at, int limit) {
        Objects.requireNonNull(at, "at");
        // DELETE ... LIMIT is MySQL's and H2's (MODE=MySQL) own; by the index, it touches only ended rows.
        return database.query(ctx -> ctx.deleteFrom(ATTEMPT_COUNTERS)
                .where(ATTEMPT_COUNTERS.WINDOW_ENDS_AT.lt(EpochNanos.of(at)))
                .limit(limit)
                .execute());
    }

    private static AttemptCount toCount(AttemptCountersRecord row) {
        return new AttemptCount(row.getHits(), EpochNanos.toInstant(row.getWindowEndsAt()));
    }
}
