package dev.connect.oauth.adapter.persistence;

import static dev.connect.oauth.adapter.persistence.TokenMapper.GRANT_REVOKED_AT;
import static dev.connect.oauth.adapter.persistence.jooq.Tables.ACCESS_TOKENS;
import static dev.connect.oauth.adapter.persistence.jooq.Tables.ACCOUNTS;
import static dev.connect.oauth.adapter.persistence.jooq.Tables.GRANTS;

import dev.connect.oauth.application.port.out.AccessTokenLookup;
import dev.connect.oauth.application.port.out.DescribedAccessToken;
import dev.connect.oauth.domain.Account;
import dev.connect.oauth.domain.SecretHash;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jooq.Record;

/**
 * {@link AccessTokenLookup} as one SELECT: the access token by the unique index on its hash, its
 * grant by primary key (for the grant's revocation, as {@link JooqTokenRepository} reads it) and its
 * account by primary key, left joined because a client credentials token names none. One
 * statement is one round trip and one consistent snapshot.
 *
 * <p>{@link #revokedSince} is one {@code UNION} (which also removes duplicates): the tokens by the
 * index on their own {@code revoked_at}, and the tokens of the grants found by the index on the
 * grant's {@code revoked_at} (migration V6), looked up by the foreign key's index. A token
 * revoked twice over (its own and its grant's) comes once, since both halves select the same
 * columns.
 */
final class JooqAccessTokenLookup implements AccessTokenLookup {
    private final JooqDatabase database;

    JooqAccessTokenLookup(JooqDatabase database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    @Override
    public Optional<DescribedAccessToken> findWithAccount(SecretHash hash) {
        Objects.requireNonNull(hash, "hash");
        // Columns named, not table.*: both tables have an id, and each mapper reads its own table's.
        return database.query(ctx -> ctx.select(ACCESS_TOKENS.fields())
                .select(GRANT_REVOKED_AT)
                .select(ACCOUNTS.fields())
                .from(ACCESS_TOKENS)
                .join(GRANTS).on(GRANTS.ID.eq(ACCESS_TOKENS.GRANT_ID))
                .leftJoin(ACCOUNTS).on(ACCOUNTS.ID.eq(ACCESS_TOKENS.ACCOUNT_ID))
                .where(ACCESS_TOKENS.HASH.eq(hash.hex()))
                .fetchOptional(row -> new DescribedAccessToken(TokenMapper.toAccessToken(row), account(row))));
    }

    /** The account columns of {@code row}, all null when the token names no account. */
    private static Optional<Account> account(Record row) {
        return row.get(ACCOUNTS.ID) == null ? Optional.empty() : Optional.of(AccountMapper.toAccount(row.into(ACCOUNTS)));
    }

    @Override
    public List<SecretHash> revokedSince(Instant since) {
        Objects.requireNonNull(since, "since");
        long from = EpochNanos.of(since);
        // The grants' half is a subquery, not a join, and the expiry is checked here, not in the
        // WHERE: H2 otherwise read every stored token, by a scan or by the expiry's index, on every poll.
        return database.query(ctx -> ctx.select(ACCESS_TOKENS.HASH, ACCESS_TOKENS.EXPIRES_AT)
                .from(ACCESS_TOKENS)
                .where(ACCESS_TOKENS.REVOKED_AT.ge(from))
                .union(ctx.select(ACCESS_TOKENS.HASH, ACCESS_TOKENS.EXPIRES_AT)
                        .from(ACCESS_TOKENS)
                        .where(ACCESS_TOKENS.GRANT_ID.in(
                                ctx.select(GRANTS.ID).from(GRANTS).where(GRANTS.REVOKED_AT.ge(from)))))
                .fetch()
                .stream()
                .filter(row -> row.value2() > from)
                .map(row -> new SecretHash(row.value1()))
                .toList());
    }
}
