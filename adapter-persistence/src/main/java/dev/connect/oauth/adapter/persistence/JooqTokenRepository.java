package dev.connect.oauth.adapter.persistence;

import static dev.connect.oauth.adapter.persistence.TokenMapper.GRANT_REVOKED_AT;
import static dev.connect.oauth.adapter.persistence.jooq.Tables.ACCESS_TOKENS;
import static dev.connect.oauth.adapter.persistence.jooq.Tables.GRANTS;
import static dev.connect.oauth.adapter.persistence.jooq.Tables.REFRESH_TOKENS;

import dev.connect.oauth.application.port.out.RefreshTokenOfGrant;
import dev.connect.oauth.application.port.out.TokenRepository;
import dev.connect.oauth.domain.AccessToken;
import dev.connect.oauth.domain.Grant;
import dev.connect.oauth.domain.RefreshToken;
import dev.connect.oauth.domain.SecretHash;
import dev.connect.oauth.domain.TokenId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Record3;
import org.jooq.Result;
import org.jooq.ResultQuery;
import org.jooq.Table;
import org.jooq.TableField;
import org.jooq.TableRecord;

/**
 * {@link TokenRepository} on {@code access_tokens} and {@code refresh_tokens}, each found by the
 * unique index on its hash and joined with its grant, so a revoked grant reads as revoked tokens
 * without touching them. Refresh tokens are found through a {@link GroupLookup}, with the lookups of
 * concurrent refreshes.
 *
 * <p>{@link #add}, {@link #addWithGrant} and {@link #rotate} go through the {@link GroupCommit}: one
 * transaction, shared with concurrent callers, whose commit each call waits for.
 *
 * <p>{@link #rotate} runs in one transaction that starts with the conditional update {@code UPDATE
 * refresh_tokens SET retired_at = ? WHERE id = ? AND retired_at IS NULL AND revoked_at IS NULL AND
 * <i>the grant is not revoked</i>}. The row lock makes it succeed for exactly one of any number of
 * concurrent callers on any node; only that caller goes on to insert the successor pair, and the
 * others return false having written nothing.
 *
 * <p>{@link #reissue} runs in one transaction: it reads the siblings (by the index on
 * {@code parent_id}, or on {@code grant_id} for the tokens issued from the code), then replaces the
 * one active sibling with the same kind of conditional update, {@code SET revoked_at = ?} where it is
 * neither retired nor revoked and the grant stands. A concurrent reissue or rotation of that sibling
 * blocks on its row lock (on Galera, one of them fails certification and is run again) and then
 * matches no row, so exactly one of them wins.
 */
final class JooqTokenRepository implements TokenRepository {
    private final JooqDatabase database;
    private final GroupCommit writes;
    private final GroupLookup<Record> refreshTokensByHash;

    JooqTokenRepository(JooqDatabase database, GroupCommit writes, GroupLookups lookups) {
        this.database = Objects.requireNonNull(database, "database");
        this.writes = Objects.requireNonNull(writes, "writes");
        this.refreshTokensByHash = lookups.of("refresh-tokens", REFRESH_TOKENS.HASH,
                JooqTokenRepository::selectRefreshTokensWhere);
    }

    /** The refresh tokens matching {@code condition}, each with its grant's revocation and creation. */
    private static ResultQuery<Record> selectRefreshTokensWhere(DSLContext ctx, Condition condition) {
        return ctx.select(REFRESH_TOKENS.asterisk(), GRANT_REVOKED_AT, GRANTS.CREATED_AT)
                .from(REFRESH_TOKENS)
                .join(GRANTS).on(GRANTS.ID.eq(REFRESH_TOKENS.GRANT_ID))
                .where(condition);
    }

    @Override
    public void add(AccessToken accessToken, Optional<RefreshToken> refreshToken) {
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(refreshToken, "refreshToken");
        writes.run(GroupCommit.Write.of(refreshToken.map(refresh -> pair(accessToken, refresh))
                .orElseGet(() -> List.of(TokenMapper.toRecord(accessToken)))));
    }

    @Override
    public void addWithGrant(Grant grant, AccessToken accessToken) {
        Objects.requireNonNull(grant, "grant");
        Objects.requireNonNull(accessToken, "accessToken");
        writes.run(GroupCommit.Write.of(List.of(GrantMapper.toRecord(grant), TokenMapper.toRecord(accessToken))));
    }

    @Override
    public boolean rotate(TokenId retiring, Instant at, AccessToken accessToken, RefreshToken refreshToken) {
        Objects.requireNonNull(retiring, "retiring");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(refreshToken, "refreshToken");
        return writes.run(GroupCommit.Write.when(ctx -> ctx.update(REFRESH_TOKENS)
                        .set(REFRESH_TOKENS.RETIRED_AT, EpochNanos.of(at))
                        .where(unused(retiring.value())),
                pair(accessToken, refreshToken)));
    }

    @Override
    public boolean reissue(AccessToken accessToken, RefreshToken refreshToken, Instant at) {
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(refreshToken, "refreshToken");
        Objects.requireNonNull(at, "at");
        Condition siblings = refreshToken.parentId()
                .map(parent -> REFRESH_TOKENS.PARENT_ID.eq(parent.value()))
                .orElse(REFRESH_TOKENS.PARENT_ID.isNull())
                .and(REFRESH_TOKENS.GRANT_ID.eq(refreshToken.grantId().value()));
        return database.transaction(ctx -> {
            Result<Record3<String, Long, Long>> found = ctx
                    .select(REFRESH_TOKENS.ID, REFRESH_TOKENS.RETIRED_AT, REFRESH_TOKENS.REVOKED_AT)
                    .from(REFRESH_TOKENS)
                    .where(siblings)
                    .fetch();
            List<String> active = found.stream()
                    .filter(row -> row.value2() == null && row.value3() == null)
                    .map(Record3::value1)
                    .toList();
            if (active.size() != 1 || found.stream().anyMatch(row -> row.value2() != null)) {
                return false;
            }
            String replaced = active.get(0);
            long revokedAt = EpochNanos.of(at);
            int revoked = ctx.update(REFRESH_TOKENS)
                    .set(REFRESH_TOKENS.REVOKED_AT, revokedAt)
                    .where(unused(replaced))
                    .execute();
            if (revoked == 0) {
                return false;
            }
            ctx.update(ACCESS_TOKENS)
                    .set(ACCESS_TOKENS.REVOKED_AT, revokedAt)
                    .where(ACCESS_TOKENS.REFRESH_TOKEN_ID.eq(replaced).and(ACCESS_TOKENS.REVOKED_AT.isNull()))
                    .execute();
            insert(ctx, refreshToken);
            insert(ctx, accessToken);
            return true;
        });
    }

    @Override
    public Optional<AccessToken> findAccessToken(SecretHash hash) {
        Objects.requireNonNull(hash, "hash");
        return database.query(ctx -> ctx.select(ACCESS_TOKENS.asterisk(), GRANT_REVOKED_AT)
                .from(ACCESS_TOKENS)
                .join(GRANTS).on(GRANTS.ID.eq(ACCESS_TOKENS.GRANT_ID))
                .where(ACCESS_TOKENS.HASH.eq(hash.hex()))
                .fetchOptional(TokenMapper::toAccessToken));
    }

    @Override
    public Optional<RefreshToken> findRefreshToken(SecretHash hash) {
        return findRefreshTokenWithGrant(hash).map(RefreshTokenOfGrant::token);
    }

    @Override
    public Optional<RefreshTokenOfGrant> findRefreshTokenWithGrant(SecretHash hash) {
        Objects.requireNonNull(hash, "hash");
        return refreshTokensByHash.find(hash.hex()).map(row -> new RefreshTokenOfGrant(
                TokenMapper.toRefreshToken(row.into(REFRESH_TOKENS), row.get(GRANT_REVOKED_AT)),
                EpochNanos.toInstant(row.get(GRANTS.CREATED_AT))));
    }

    @Override
    public boolean revokeAccessToken(TokenId id, Instant at) {
        return revokeOnce(ACCESS_TOKENS, ACCESS_TOKENS.ID, ACCESS_TOKENS.REVOKED_AT, id, at);
    }

    @Override
    public boolean revokeRefreshToken(TokenId id, Instant at) {
        return revokeOnce(REFRESH_TOKENS, REFRESH_TOKENS.ID, REFRESH_TOKENS.REVOKED_AT, id, at);
    }

    /**
     * Sets the revocation time unless one is set (the first one is kept), then tells whether the
     * token exists. Counting on the update alone would depend on the driver reporting matched rather
     * than changed rows, so an already revoked token is looked up instead.
     */
    private <R extends Record> boolean revokeOnce(Table<R> table, TableField<R, String> idField,
                                                  TableField<R, Long> revokedAt, TokenId id, Instant at) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(at, "at");
        return database.query(ctx -> ctx.update(table)
                .set(revokedAt, EpochNanos.of(at))
                .where(idField.eq(id.value()).and(revokedAt.isNull()))
                .execute() == 1 || ctx.fetchExists(table, idField.eq(id.value())));
    }

    /**
     * The refresh token {@code id} while it can still be used: neither retired nor revoked, and its
     * grant standing. The conditional updates of rotation and reissue match it once.
     */
    private static Condition unused(String id) {
        return REFRESH_TOKENS.ID.eq(id)
                .and(REFRESH_TOKENS.RETIRED_AT.isNull())
                .and(REFRESH_TOKENS.REVOKED_AT.isNull())
                .and(JooqGrantRepository.stands(REFRESH_TOKENS.GRANT_ID));
    }

    /** The rows of a new pair; the refresh token first, which the access token names. */
    /** The rows of a new pair, for a {@link GroupCommit.Write}. */
    static List<TableRecord<?>> pair(AccessToken accessToken, RefreshToken refreshToken) {
        return List.of(TokenMapper.toRecord(refreshToken), TokenMapper.toRecord(accessToken));
    }

    private static void insert(DSLContext ctx, AccessToken token) {
        ctx.insertInto(ACCESS_TOKENS).set(TokenMapper.toRecord(token)).execute();
    }

    private static void insert(DSLContext ctx, RefreshToken token) {
        ctx.insertInto(REFRESH_TOKENS).set(TokenMapper.toRecord(token)).execute();
    }
}
