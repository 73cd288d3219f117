package dev.connect.oauth.adapter.persistence;

import static dev.connect.oauth.adapter.persistence.jooq.Tables.AUTHORIZATION_CODES;

import dev.connect.oauth.application.port.out.AuthorizationCodeStore;
import dev.connect.oauth.domain.AuthorizationCode;
import dev.connect.oauth.domain.SecretHash;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link AuthorizationCodeStore} on {@code authorization_codes}, keyed by the code's hash.
 *
 * <p>{@link #redeem} is one conditional update, {@code UPDATE ... SET redeemed_at = ? WHERE hash = ?
 * AND redeemed_at IS NULL AND EXISTS (<i>the grant is not revoked</i>)}: the database's row lock
 * lets exactly one of any number of concurrent callers, on any node, change the row; every other
 * one finds it already redeemed. Because the grant is part of the same statement, the database
 * orders a redemption and a revocation of its grant, whatever the clocks of the nodes say: a
 * replayer revokes only after it saw the code redeemed, so it can never make the winner fail. The
 * row is then read back, which is safe outside a transaction because nothing but
 * {@code redeemed_at} ever changes and it changes once.
 */
final class JooqAuthorizationCodeStore implements AuthorizationCodeStore {
    private final JooqDatabase database;

    JooqAuthorizationCodeStore(JooqDatabase database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    @Override
    public void add(AuthorizationCode code) {
        Objects.requireNonNull(code, "code");
        database.execute(ctx -> ctx.insertInto(AUTHORIZATION_CODES).set(AuthorizationCodeMapper.toRecord(code)).execute());
    }

    @Override
    public Redemption redeem(SecretHash hash, Instant at) {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(at, "at");
        return database.query(ctx -> {
            boolean redeemedNow = ctx.update(AUTHORIZATION_CODES)
                    .set(AUTHORIZATION_CODES.REDEEMED_AT, EpochNanos.of(at))
                    .where(AUTHORIZATION_CODES.HASH.eq(hash.hex())
                            .and(AUTHORIZATION_CODES.REDEEMED_AT.isNull())
                            .and(JooqGrantRepository.stands(AUTHORIZATION_CODES.GRANT_ID)))
                    .execute() == 1;
            Optional<AuthorizationCode> stored = ctx.selectFrom(AUTHORIZATION_CODES)
                    .where(AUTHORIZATION_CODES.HASH.eq(hash.hex()))
                    .fetchOptional(AuthorizationCodeMapper::toCode);
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

    /** The code as it was before this redemption: the port hands the winner the code as issued. */
    private static AuthorizationCode asIssued(AuthorizationCode code) {
        return new AuthorizationCode(code.hash(), code.grantId(), code.clientId(), code.accountId(), code.redirectUri(),
                code.scopes(), code.challenge(), code.issuedAt(), code.expiresAt(), Optional.empty());
    }
}
