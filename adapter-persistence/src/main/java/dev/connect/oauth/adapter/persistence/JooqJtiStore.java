package dev.connect.oauth.adapter.persistence;

import static dev.connect.oauth.adapter.persistence.jooq.Tables.USED_JTIS;

import dev.connect.oauth.application.port.out.JtiStore;
import dev.connect.oauth.domain.SecretHash;
import java.time.Instant;
import java.util.Objects;
import org.jooq.DSLContext;
import org.jooq.exception.IntegrityConstraintViolationException;

/**
 * {@link JtiStore} on {@code used_jtis}, one row per live claim. A claim is one
 * {@code INSERT IGNORE} on the primary key: the row lock (on Galera, certification) lets exactly one
 * of concurrent claims insert, and the others find its row. Only when the row exists is a claim that
 * expired deleted and the insert tried once more, so the usual claim is a single statement.
 */
final class JooqJtiStore implements JtiStore {
    private final JooqDatabase database;

    JooqJtiStore(JooqDatabase database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    @Override
    public boolean claim(SecretHash key, Instant at, Instant expiresAt) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(expiresAt, "expiresAt");
        return database.query(ctx -> insert(ctx, key, expiresAt)
                || expiredClaimDeleted(ctx, key, at) && insert(ctx, key, expiresAt));
    }

    private static boolean insert(DSLContext ctx, SecretHash key, Instant expiresAt) {
        try {
            return ctx.insertInto(USED_JTIS)
                    .set(USED_JTIS.KEY_HASH, key.hex()).set(USED_JTIS.EXPIRES_AT, EpochNanos.of(expiresAt))
                    .onDuplicateKeyIgnore()
                    .execute() == 1;
        } catch (IntegrityConstraintViolationException lostTheRace) {
            // H2 emulates the ignore with a check before the insert: a concurrent claim won.
            return false;
        }
    }

    private static boolean expiredClaimDeleted(DSLContext ctx, SecretHash key, Instant at) {
        return ctx.deleteFrom(USED_JTIS)
                .where(USED_JTIS.KEY_HASH.eq(key.hex())).and(USED_JTIS.EXPIRES_AT.le(EpochNanos.of(at)))
                .execute() == 1;
    }

    @Override
    public int purgeExpired(Instant at, int limit) {
        Objects.requireNonNull(at, "at");
        // DELETE ... LIMIT is MySQL's and H2's (MODE=MySQL) own; by the index, it touches only expired rows.
        return database.query(ctx -> ctx.deleteFrom(USED_JTIS)
                .where(USED_JTIS.EXPIRES_AT.lt(EpochNanos.of(at)))
                .limit(limit)
                .execute());
    }
}
