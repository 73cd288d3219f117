package dev.connect.oauth.adapter.memory;

import dev.connect.oauth.application.port.out.AccountRepository;
import dev.connect.oauth.domain.Account;
import dev.connect.oauth.domain.AccountId;
import dev.connect.oauth.domain.Email;
import dev.connect.oauth.domain.ErrorCode;
import dev.connect.oauth.domain.IssuedApiKey;
import dev.connect.oauth.domain.Role;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link AccountRepository} on an {@link InMemoryStore}: the account and its first key in one
 * atomic step, as a database transaction would. {@link Email} is already lower case, so
 * comparing it is the case-insensitive uniqueness a database gets from a unique index on the
 * normalised column.
 */
final class InMemoryAccountRepository implements AccountRepository {
    private final InMemoryStore store;

    InMemoryAccountRepository(InMemoryStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /** Every check runs before the first write, so a refused call leaves the store as it was. */
    @Override
    public void add(Account account, IssuedApiKey firstKey) {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(firstKey, "firstKey");
        if (!firstKey.accountId().equals(account.id())) {
            throw new IllegalArgumentException("The first API key belongs to another account");
        }
        store.atomically(() -> {
            for (Account other : store.accounts.values()) {
                if (other.email().equals(account.email())) {
                    throw ErrorCode.EMAIL_EXISTS.exception();
                }
                if (account.phone().isPresent() && other.phone().equals(account.phone())) {
                    throw ErrorCode.PHONE_EXISTS.exception();
                }
            }
            if (store.accounts.containsKey(account.id())) {
                throw new IllegalStateException("Duplicate key: account " + account.id());
            }
            store.requireNewApiKey(firstKey);
            store.accounts.put(account.id(), account);
            store.apiKeys.put(firstKey.hash(), firstKey);
        });
    }

    @Override
    public Optional<Account> findById(AccountId id) {
        Objects.requireNonNull(id, "id");
        return store.atomically(() -> Optional.ofNullable(store.accounts.get(id)));
    }

    @Override
    public Optional<Account> findByEmail(Email email) {
        Objects.requireNonNull(email, "email");
        return store.atomically(() -> store.accounts.values().stream()
                .filter(account -> account.email().equals(email))
                .findFirst());
    }

    @Override
    public boolean existsWithRole(Role role) {
        Objects.requireNonNull(role, "role");
        return store.atomically(() -> store.accounts.values().stream().anyMatch(account -> account.role() == role));
    }
}
