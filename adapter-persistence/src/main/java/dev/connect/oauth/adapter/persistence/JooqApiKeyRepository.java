package dev.connect.oauth.adapter.persistence;

import static dev.connect.oauth.adapter.persistence.jooq.Tables.API_KEYS;

import dev.connect.oauth.application.port.out.ApiKeyRepository;
import dev.connect.oauth.domain.AccountId;
import dev.connect.oauth.domain.ApiKeyId;
import dev.connect.oauth.domain.IssuedApiKey;
import dev.connect.oauth.domain.SecretHash;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jooq.DSLContext;

/** {@link ApiKeyRepository} on {@code api_keys}, found by the unique index on the key's hash. */
final class JooqApiKeyRepository implements ApiKeyRepository {
    private final JooqDatabase database;

    JooqApiKeyRepository(JooqDatabase database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    @Override
    public void add(IssuedApiKey key) {
        Objects.requireNonNull(key, "key");
        database.execute(ctx -> insert(ctx, key));
    }

    /** The one insert of a key, also run inside the transaction that opens its account. */
    static void insert(DSLContext ctx, IssuedApiKey key) {
        ctx.insertInto(API_KEYS).set(ApiKeyMapper.toRecord(key)).execute();
    }

    @Override
    public Optional<IssuedApiKey> findByHash(SecretHash hash) {
        Objects.requireNonNull(hash, "hash");
        return database.query(ctx -> ctx.selectFrom(API_KEYS).where(API_KEYS.HASH.eq(hash.hex()))
                .fetchOptional(ApiKeyMapper::toApiKey));
    }

    /** One conditional update: only the owner's key, and only while it is active. */
    @Override
    public boolean revoke(AccountId owner, ApiKeyId id, Instant at) {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(at, "at");
        return database.query(ctx -> ctx.update(API_KEYS)
                .set(API_KEYS.REVOKED_AT, EpochNanos.of(at))
                .where(API_KEYS.ID.eq(id.value())
                        .and(API_KEYS.ACCOUNT_ID.eq(owner.value()))
                        .and(API_KEYS.REVOKED_AT.isNull()))
                .execute() == 1);
    }
}
