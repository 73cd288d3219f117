package dev.connect.oauth.application.fake;

import dev.connect.oauth.application.port.out.AccountRepository;
import dev.connect.oauth.domain.Account;
import dev.connect.oauth.domain.AccountId;
import dev.connect.oauth.domain.Email;
import dev.connect.oauth.domain.ErrorCode;
import dev.connect.oauth.domain.Role;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link AccountRepository} on an {@link InMemoryStore}. {@link Email} is already lower case, so
 * comparing it is the case-insensitive uniqueness a database gets from a unique index on the
 * normalised column.
 */
public final class InMemoryAccountRepository implements AccountRepository {
    private final InMemoryStore store;

    public InMemoryAccountRepository(InMemoryStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public void add(Account account) {
        Objects.requireNonNull(account, "account");
        store.atomically(() -> {
            for (Account other : store.accounts.values()) {
                if (other.email().equals(account.email())) {
                    throw ErrorCode.EMAIL_EXISTS.exception();
                }
                if (account.phone().isPresent() && other.phone().equals(account.phone())) {
                    throw ErrorCode.PHONE_EXISTS.exception();
                }
            }
            if (store.accounts.putIfAbsent(account.id(), account) != null) {
                throw new IllegalStateException("Duplicate key: account " + account.id());
            }
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
