package dev.connect.oauth.adapter.persistence;

import static dev.connect.oauth.adapter.persistence.jooq.Tables.GRANTS;

import dev.connect.oauth.application.port.out.GrantRepository;
import dev.connect.oauth.domain.AccountId;
import dev.connect.oauth.domain.ClientId;
import dev.connect.oauth.domain.Grant;
import dev.connect.oauth.domain.GrantId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * {@link GrantRepository} on the {@code grants} table. Revoking is one conditional update of the
 * grant's row ({@code WHERE revoked_at IS NULL}, which keeps the first revocation time); the token
 * lookups join the grant, so its tokens read as revoked on every node from that commit on.
 */
final class JooqGrantRepository implements GrantRepository {
    private final JooqDatabase database;

    JooqGrantRepository(JooqDatabase database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    /**
     * The grant {@code grantId} names is not revoked: the condition that the conditional writes of
     * codes and tokens add, so the database orders them against a revocation.
     */
    static Condition stands(Field<String> grantId) {
        return DSL.exists(DSL.selectOne().from(GRANTS).where(GRANTS.ID.eq(grantId).and(GRANTS.REVOKED_AT.isNull())));
    }

    @Override
    public void add(Grant grant) {
        Objects.requireNonNull(grant, "grant");
        database.execute(ctx -> ctx.insertInto(GRANTS).set(GrantMapper.toRecord(grant)).execute());
    }

    @Override
    public Optional<Grant> findById(GrantId id) {
        Objects.requireNonNull(id, "id");
        return database.query(ctx -> ctx.selectFrom(GRANTS).where(GRANTS.ID.eq(id.value()))
                .fetchOptional(GrantMapper::toGrant));
    }

    /** Oldest first; grants made at the same instant in the order they were added ({@code seq}). */
    @Override
    public List<Grant> findActiveByAccount(AccountId accountId) {
        Objects.requireNonNull(accountId, "accountId");
        return database.query(ctx -> ctx.selectFrom(GRANTS)
                .where(GRANTS.ACCOUNT_ID.eq(accountId.value()).and(GRANTS.REVOKED_AT.isNull()))
                .orderBy(GRANTS.CREATED_AT, GRANTS.SEQ)
                .fetch(GrantMapper::toGrant));
    }

    @Override
    public void revoke(GrantId id, Instant at) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(at, "at");
        database.execute(ctx -> ctx.update(GRANTS)
                .set(GRANTS.REVOKED_AT, EpochNanos.of(at))
                .where(GRANTS.ID.eq(id.value()).and(GRANTS.REVOKED_AT.isNull()))
                .execute());
    }

    @Override
    public int revokeAll(AccountId accountId, ClientId clientId, Instant at) {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(at, "at");
        return database.query(ctx -> ctx.update(GRANTS)
                .set(GRANTS.REVOKED_AT, EpochNanos.of(at))
                .where(GRANTS.ACCOUNT_ID.eq(accountId.value())
                        .and(GRANTS.CLIENT_ID.eq(clientId.value()))
                        .and(GRANTS.REVOKED_AT.isNull()))
                .execute());
    }
}
