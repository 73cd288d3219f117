package dev.connect.oauth.adapter.persistence;

import static dev.connect.oauth.adapter.persistence.jooq.Tables.ACCOUNTS;

import dev.connect.oauth.adapter.persistence.jooq.UniqueKeyNames;
import dev.connect.oauth.application.port.out.AccountRepository;
import dev.connect.oauth.domain.Account;
import dev.connect.oauth.domain.AccountId;
import dev.connect.oauth.domain.Email;
import dev.connect.oauth.domain.ErrorCode;
import dev.connect.oauth.domain.IssuedApiKey;
import dev.connect.oauth.domain.Role;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jooq.exception.DataAccessException;
import org.jooq.exception.SQLStateClass;

/**
 * {@link AccountRepository} on the {@code accounts} table, with each account's first row of
 * {@code api_keys} written in the same transaction. Uniqueness of email and phone is the
 * database's unique keys, so two nodes adding the same email at once cannot both succeed; the
 * loser's violation is told apart by the constraint's name.
 */
final class JooqAccountRepository implements AccountRepository {
    private final JooqDatabase database;

    JooqAccountRepository(JooqDatabase database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    /** Both rows in one transaction, the account first for the key's foreign key. */
    @Override
    public void add(Account account, IssuedApiKey firstKey) {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(firstKey, "firstKey");
        if (!firstKey.accountId().equals(account.id())) {
            throw new IllegalArgumentException("The first API key belongs to another account");
        }
        try {
            database.transactionally(ctx -> {
                ctx.insertInto(ACCOUNTS).set(AccountMapper.toRecord(account)).execute();
                JooqApiKeyRepository.insert(ctx, firstKey);
            });
        } catch (DataAccessException e) {
            throw conflict(e);
        }
    }

    @Override
    public Optional<Account> findById(AccountId id) {
        Objects.requireNonNull(id, "id");
        return database.query(ctx -> ctx.selectFrom(ACCOUNTS).where(ACCOUNTS.ID.eq(id.value()))
                .fetchOptional(AccountMapper::toAccount));
    }

    @Override
    public Optional<Account> findByEmail(Email email) {
        Objects.requireNonNull(email, "email");
        return database.query(ctx -> ctx.selectFrom(ACCOUNTS).where(ACCOUNTS.EMAIL.eq(email.value()))
                .fetchOptional(AccountMapper::toAccount));
    }

    @Override
    public boolean existsWithRole(Role role) {
        Objects.requireNonNull(role, "role");
        return database.query(ctx -> ctx.fetchExists(ACCOUNTS, ACCOUNTS.ROLE.eq(role.wireName())));
    }

    /**
     * The OAuth error for a violated unique key on email or phone; any other failure unchanged.
     * Every database names the violated key in its message (MySQL and MariaDB {@code for key
     * 'uk_accounts_email'}, H2 the key's index). The message also quotes the duplicate value, which
     * for a phone is digits only, so the phone key's name can never be read out of an email: the
     * email key is looked for first.
     */
    private static RuntimeException conflict(DataAccessException failure) {
        if (failure.sqlStateClass() != SQLStateClass.C23_INTEGRITY_CONSTRAINT_VIOLATION) {
            return failure;
        }
        String message = String.valueOf(failure.getMessage()).toLowerCase(Locale.ROOT);
        if (message.contains(UniqueKeyNames.UK_ACCOUNTS_EMAIL)) {
            return ErrorCode.EMAIL_EXISTS.exception();
        }
        if (message.contains(UniqueKeyNames.UK_ACCOUNTS_PHONE)) {
            return ErrorCode.PHONE_EXISTS.exception();
        }
        return failure;
    }
}
