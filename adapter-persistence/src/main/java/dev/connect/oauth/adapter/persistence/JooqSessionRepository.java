package dev.connect.oauth.adapter.persistence;

import static dev.connect.oauth.adapter.persistence.jooq.Tables.BROWSER_SESSIONS;

import dev.connect.oauth.adapter.persistence.jooq.tables.records.BrowserSessionsRecord;
import dev.connect.oauth.application.port.out.BrowserSession;
import dev.connect.oauth.application.port.out.SessionRepository;
import dev.connect.oauth.domain.AccountId;
import dev.connect.oauth.domain.SecretHash;
import java.util.Objects;
import java.util.Optional;

/** {@link SessionRepository} on {@code browser_sessions}, keyed by the hash of the cookie value. */
final class JooqSessionRepository implements SessionRepository {
    private final JooqDatabase database;

    JooqSessionRepository(JooqDatabase database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    @Override
    public void add(BrowserSession session) {
        Objects.requireNonNull(session, "session");
        BrowserSessionsRecord row = new BrowserSessionsRecord(session.hash().hex(), session.accountId().value(),
                EpochNanos.of(session.createdAt()), EpochNanos.of(session.expiresAt()));
        database.execute(ctx -> ctx.insertInto(BROWSER_SESSIONS).set(row).execute());
    }

    @Override
    public Optional<BrowserSession> findByHash(SecretHash hash) {
        Objects.requireNonNull(hash, "hash");
        return database.query(ctx -> ctx.selectFrom(BROWSER_SESSIONS).where(BROWSER_SESSIONS.HASH.eq(hash.hex()))
                .fetchOptional(row -> new BrowserSession(new SecretHash(row.getHash()),
                        AccountId.parse(row.getAccountId()), EpochNanos.toInstant(row.getCreatedAt()),
                        EpochNanos.toInstant(row.getExpiresAt()))));
    }

    @Override
    public void remove(SecretHash hash) {
        Objects.requireNonNull(hash, "hash");
        database.execute(ctx -> ctx.deleteFrom(BROWSER_SESSIONS).where(BROWSER_SESSIONS.HASH.eq(hash.hex())).execute());
    }
}
