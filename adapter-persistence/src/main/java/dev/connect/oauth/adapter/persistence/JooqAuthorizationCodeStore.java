package dev.connect.oauth.adapter.persistence;

import static dev.connect.oauth.adapter.persistence.jooq.Tables.AUTHORIZATION_CODES;

import dev.connect.oauth.adapter.persistence.jooq.tables.records.AuthorizationCodesRecord;
import dev.connect.oauth.application.port.out.AuthorizationCodeStore;
import dev.connect.oauth.domain.AccessToken;
import dev.connect.oauth.domain.AuthorizationCode;
import dev.connect.oauth.domain.ClientId;
import dev.connect.oauth.domain.RefreshToken;
import dev.connect.oauth.domain.SecretHash;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.ResultQuery;

/**
 * {@link AuthorizationCodeStore} on {@code authorization_codes}, keyed by the code's hash. {@link #find}
 * goes through a {@link GroupLookup}, with the lookups of concurrent exchanges.
 *
 * <p>{@link #redeem} is one conditional update, {@code UPDATE ... SET redeemed_at = ? WHERE hash = ?
 * AND client_id = ? AND redeemed_at IS NULL AND EXISTS (<i>the grant is not revoked</i>)}: the database's row lock
 * lets exactly one of any number of concurrent callers, on any node, change the row; every other
 * one finds it already redeemed. Because the grant is part of the same statement, the database
 * orders a redemption and a revocation of its grant, whatever the clocks of the nodes say: a
 * replayer revokes only after it saw the code redeemed, so it can never make the winner fail. The
 * row is then read back, which is safe outside a transaction because nothing but
 * {@code redeemed_at} ever changes and it changes once.
 *
 * <p>{@link #redeemAndStore} is the same conditional update followed, when it matched, by the
 * inserts of the token pair, in one transaction of the {@link GroupCommit}: the row lock of the
 * update is held until the commit, so a concurrent redemption of the code waits for it and then
 * finds the code redeemed, and a revocation of the grant waits for it as well.
 */
final class JooqAuthorizationCodeStore implements AuthorizationCodeStore {
    private final JooqDatabase database;
    private final GroupCommit writes;
    private final GroupLookup<AuthorizationCodesRecord> byHash;

    JooqAuthorizationCodeStore(JooqDatabase database, GroupCommit writes, GroupLookups lookups) {
        this.database = Objects.requireNonNull(database, "database");
        this.writes = Objects.requireNonNull(writes, "writes");
        this.byHash = lookups.of("codes", AUTHORIZATION_CODES.HASH, JooqAuthorizationCodeStore::selectWhere);
    }

    private static ResultQuery<AuthorizationCodesRecord> selectWhere(DSLContext ctx, Condition condition) {
        return ctx.selectFrom(AUTHORIZATION_CODES).where(condition);
    }

    @Override
    public void add(AuthorizationCode code) {
        Objects.requireNonNull(code, "code");
        database.execute(ctx -> ctx.insertInto(AUTHORIZATION_CODES).set(AuthorizationCodeMapper.toRecord(code)).execute());
    }

    @Override
    public Redemption redeem(SecretHash hash, ClientId presenter, Instant at) {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(presenter, "presenter");
        Objects.requireNonNull(at, "at");
        return database.query(ctx -> {
            boolean redeemedNow = redeemOnce(ctx, hash, presenter, at);
            Optional<AuthorizationCode> stored = select(ctx, hash, presenter);
            if (stored.isEmpty()) {
                return new Redemption.Unknown();
            }
            AuthorizationCode code = stored.get();
            if (redeemedNow) {
                return new Redemption.Redeemed(asIssued(code));
            }
            return code.isRedeemed() ? new Redemption.AlreadyRedeemed(code) : new Redemption.GrantRevoked(code);
        });
    }

    @Override
    public Optional<AuthorizationCode> find(SecretHash hash, ClientId presenter) {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(presenter, "presenter");
        // The hash is the key: one row at most, handed out only to the client the code was issued to.
        return byHash.find(hash.hex())
                .filter(row -> presenter.value().equals(row.getClientId()))
                .map(AuthorizationCodeMapper::toCode);
    }

    @Override
    public boolean redeemAndStore(SecretHash hash, ClientId presenter, Instant at, AccessToken accessToken,
                                  RefreshToken refreshToken) {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(presenter, "presenter");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(refreshToken, "refreshToken");
        return writes.run(GroupCommit.Write.when(ctx -> redemption(ctx, hash, presenter, at),
                JooqTokenRepository.pair(accessToken, refreshToken)));
    }

    /** The conditional update: true for the one caller that redeemed the code. */
    private static boolean redeemOnce(DSLContext ctx, SecretHash hash, ClientId presenter, Instant at) {
        return redemption(ctx, hash, presenter, at).execute() == 1;
    }

    /** The update that redeems the code, changing its row only if it is unredeemed and its grant stands. */
    private static Query redemption(DSLContext ctx, SecretHash hash, ClientId presenter, Instant at) {
        return ctx.update(AUTHORIZATION_CODES)
                .set(AUTHORIZATION_CODES.REDEEMED_AT, EpochNanos.of(at))
                .where(AUTHORIZATION_CODES.HASH.eq(hash.hex())
                        .and(AUTHORIZATION_CODES.CLIENT_ID.eq(presenter.value()))
                        .and(AUTHORIZATION_CODES.REDEEMED_AT.isNull())
                        .and(JooqGrantRepository.stands(AUTHORIZATION_CODES.GRANT_ID)));
    }

    private static Optional<AuthorizationCode> select(DSLContext ctx, SecretHash hash, ClientId presenter) {
        return selectWhere(ctx, AUTHORIZATION_CODES.HASH.eq(hash.hex())
                        .and(AUTHORIZATION_CODES.CLIENT_ID.eq(presenter.value())))
                .fetchOptional(AuthorizationCodeMapper::toCode);
    }

    /** The code as it was before this redemption: the port hands the winner the code as issued. */
    private static AuthorizationCode asIssued(AuthorizationCode code) {
        return new AuthorizationCode(code.hash(), code.grantId(), code.clientId(), code.accountId(), code.redirectUri(),
                code.scopes(), code.challenge(), code.issuedAt(), code.expiresAt(), Optional.empty(), code.boundKey(),
                code.resources());
    }
}
