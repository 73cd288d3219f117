package dev.connect.oauth.adapter.persistence;

import dev.connect.oauth.adapter.persistence.jooq.tables.records.AccountsRecord;
import dev.connect.oauth.domain.Account;
import dev.connect.oauth.domain.AccountId;
import dev.connect.oauth.domain.Email;
import dev.connect.oauth.domain.PasswordHash;
import dev.connect.oauth.domain.Phone;
import dev.connect.oauth.domain.Role;
import java.util.Optional;

/** {@link Account} to and from a row of {@code accounts}. */
final class AccountMapper {
    private AccountMapper() {
    }

    static AccountsRecord toRecord(Account account) {
        return new AccountsRecord(account.id().value(), account.email().value(),
                account.phone().map(Phone::value).orElse(null), account.name(), account.role().wireName(),
                account.password().map(PasswordHash::encoded).orElse(null), EpochNanos.of(account.createdAt()));
    }

    static Account toAccount(AccountsRecord row) {
        return new Account(AccountId.parse(row.getId()), Email.parse(row.getEmail()),
                Optional.ofNullable(row.getPhone()).map(Phone::new), row.getName(), Role.parse(row.getRole()),
                Optional.ofNullable(row.getPasswordHash()).map(PasswordHash::new), EpochNanos.toInstant(row.getCreatedAt()));
    }
}
