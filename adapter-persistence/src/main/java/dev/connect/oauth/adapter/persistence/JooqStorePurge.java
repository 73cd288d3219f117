package dev.connect.oauth.adapter.persistence;

import static dev.connect.oauth.adapter.persistence.jooq.Tables.ACCESS_TOKENS;
import static dev.connect.oauth.adapter.persistence.jooq.Tables.AUDIT_EVENTS;
import static dev.connect.oauth.adapter.persistence.jooq.Tables.AUTHORIZATION_CODES;
import static dev.connect.oauth.adapter.persistence.jooq.Tables.DEVICE_AUTHORIZATIONS;
import static dev.connect.oauth.adapter.persistence.jooq.Tables.BROWSER_SESSIONS;
import static dev.connect.oauth.adapter.persistence.jooq.Tables.GRANTS;
import static dev.connect.oauth.adapter.persistence.jooq.Tables.PUSHED_AUTHORIZATION_REQUESTS;
import static dev.connect.oauth.adapter.persistence.jooq.Tables.REFRESH_TOKENS;

import dev.connect.oauth.adapter.persistence.jooq.tables.RefreshTokens;
import dev.connect.oauth.application.port.out.StorePurge;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jooq.Condition;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.TableField;
import org.jooq.impl.DSL;

/**
 * {@link StorePurge} as single bounded statements ({@code DELETE ... WHERE ... LIMIT n}), each
 * atomic on its own and by an index on the time it filters on (migration V5), so concurrent purges
 * on several nodes only share the work. Dead refresh tokens are chosen by one {@code SELECT} and
 * deleted by id with their condition checked again, since MySQL does not let a {@code DELETE}
 * read the table it deletes from.
 */
final class JooqStorePurge implements StorePurge {
    private static final RefreshTokens LIVE = REFRESH_TOKENS.as("live");

    private final JooqDatabase database;

    JooqStorePurge(JooqDatabase database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    @Override
    public int deleteExpiredCodes(Instant expiredBefore, int limit) {
        return deleteBefore(AUTHORIZATION_CODES, AUTHORIZATION_CODES.EXPIRES_AT, expiredBefore, limit);
    }

    @Override
    public int deleteExpiredDeviceAuthorizations(Instant expiredBefore, int limit) {
        return deleteBefore(DEVICE_AUTHORIZATIONS, DEVICE_AUTHORIZATIONS.EXPIRES_AT, expiredBefore, limit);
    }

    @Override
    public int deleteExpiredAccessTokens(Instant expiredBefore, int limit) {
        return deleteBefore(ACCESS_TOKENS, ACCESS_TOKENS.EXPIRES_AT, expiredBefore, limit);
    }

    @Override
    public int deleteDeadRefreshTokens(Instant expiredBefore, int limit) {
        long before = EpochNanos.of(expiredBefore);
        Condition expiredAndUnreferenced = REFRESH_TOKENS.EXPIRES_AT.lt(before)
                .and(DSL.notExists(DSL.selectOne().from(ACCESS_TOKENS)
                        .where(ACCESS_TOKENS.REFRESH_TOKEN_ID.eq(REFRESH_TOKENS.ID))));
        Condition familyDead = GRANTS.REVOKED_AT.isNotNull()
                .or(DSL.notExists(DSL.selectOne().from(LIVE)
                        .where(LIVE.GRANT_ID.eq(REFRESH_TOKENS.GRANT_ID).and(LIVE.EXPIRES_AT.ge(before)))));
        return database.query(ctx -> {
            List<String> dead = ctx.select(REFRESH_TOKENS.ID).from(REFRESH_TOKENS)
                    .join(GRANTS).on(GRANTS.ID.eq(REFRESH_TOKENS.GRANT_ID))
                    .where(expiredAndUnreferenced).and(familyDead)
                    .limit(limit)
                    .fetch(REFRESH_TOKENS.ID);
            if (dead.isEmpty()) {
                return 0;
            }
            return ctx.deleteFrom(REFRESH_TOKENS).where(REFRESH_TOKENS.ID.in(dead)).and(expiredAndUnreferenced).execute();
        });
    }

    @Override
    public int deleteExpiredSessions(Instant expiredBefore, int limit) {
        return deleteBefore(BROWSER_SESSIONS, BROWSER_SESSIONS.EXPIRES_AT, expiredBefore, limit);
    }

    @Override
    public int deleteExpiredPushedRequests(Instant expiredBefore, int limit) {
        return deleteBefore(PUSHED_AUTHORIZATION_REQUESTS, PUSHED_AUTHORIZATION_REQUESTS.EXPIRES_AT, expiredBefore, limit);
    }

    @Override
    public int deleteAuditEventsBefore(Instant occurredBefore, int limit) {
        return deleteBefore(AUDIT_EVENTS, AUDIT_EVENTS.OCCURRED_AT, occurredBefore, limit);
    }

    /** Deletes at most {@code limit} rows of {@code table} whose {@code instant} is before {@code before}. */
    private <R extends Record> int deleteBefore(Table<R> table, TableField<R, Long> instant, Instant before, int limit) {
        return database.query(ctx -> ctx.deleteFrom(table)
                .where(instant.lt(EpochNanos.of(before)))
                .limit(limit)
                .execute());
    }
}
