package dev.connect.oauth.adapter.persistence;

import static dev.connect.oauth.adapter.persistence.jooq.Tables.SIGNING_KEYS;

import dev.connect.oauth.application.port.out.SigningKey;
import dev.connect.oauth.application.port.out.SigningKeyRepository;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * {@link SigningKeyRepository} on {@code signing_keys}, the one place every node reads its keys
 * from. The {@code private_jwk} column holds the key as the crypto adapter sealed it.
 */
final class JooqSigningKeyRepository implements SigningKeyRepository {
    private final JooqDatabase database;

    JooqSigningKeyRepository(JooqDatabase database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    @Override
    public void add(SigningKey key) {
        Objects.requireNonNull(key, "key");
        database.execute(ctx -> ctx.insertInto(SIGNING_KEYS)
                .set(SIGNING_KEYS.KID, key.kid())
                .set(SIGNING_KEYS.ALGORITHM, key.algorithm())
                .set(SIGNING_KEYS.PRIVATE_JWK, key.sealedPrivateKey())
                .set(SIGNING_KEYS.CREATED_AT, EpochNanos.of(key.createdAt()))
                .set(SIGNING_KEYS.RETIRED_AT, EpochNanos.of(key.retiredAt()))
                .execute());
    }

    /** Newest first; keys made at the same instant, the last added first ({@code seq}). */
    @Override
    public List<SigningKey> findAll() {
        return database.query(ctx -> ctx.selectFrom(SIGNING_KEYS)
                .orderBy(SIGNING_KEYS.CREATED_AT.desc(), SIGNING_KEYS.SEQ.desc())
                .fetch(row -> new SigningKey(row.getKid(), row.getAlgorithm(), row.getPrivateJwk(),
                        EpochNanos.toInstant(row.getCreatedAt()), EpochNanos.toOptionalInstant(row.getRetiredAt()))));
    }

    @Override
    public int retireOlderThan(Instant createdBefore, Instant at) {
        Objects.requireNonNull(createdBefore, "createdBefore");
        Objects.requireNonNull(at, "at");
        return database.query(ctx -> ctx.update(SIGNING_KEYS)
                .set(SIGNING_KEYS.RETIRED_AT, EpochNanos.of(at))
                .where(SIGNING_KEYS.RETIRED_AT.isNull().and(SIGNING_KEYS.CREATED_AT.lt(EpochNanos.of(createdBefore))))
                .execute());
    }

    @Override
    public int deleteRetiredBefore(Instant retiredBefore) {
        Objects.requireNonNull(retiredBefore, "retiredBefore");
        return database.query(ctx -> ctx.deleteFrom(SIGNING_KEYS)
                .where(SIGNING_KEYS.RETIRED_AT.lt(EpochNanos.of(retiredBefore)))
                .execute());
    }

    /** One conditional {@code UPDATE}: the compare-and-set holds across nodes. */
    @Override
    public boolean replaceSealedPrivateKey(String kid, String expected, String replacement) {
        Objects.requireNonNull(kid, "kid");
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(replacement, "replacement");
        return database.query(ctx -> ctx.update(SIGNING_KEYS)
                .set(SIGNING_KEYS.PRIVATE_JWK, replacement)
                .where(SIGNING_KEYS.KID.eq(kid).and(SIGNING_KEYS.PRIVATE_JWK.eq(expected)))
                .execute()) == 1;
    }
}
