package dev.connect.oauth.application.port.out;

import dev.connect.oauth.domain.Account;
import dev.connect.oauth.domain.AccountId;
import dev.connect.oauth.domain.Email;
import dev.connect.oauth.domain.IssuedApiKey;
import dev.connect.oauth.domain.Role;
import java.util.Optional;

/**
 * Accounts. Email and phone are unique across all accounts, enforced atomically by the store
 * (two nodes adding the same email at once: one wins, the other gets {@code email_exists}).
 * An account is born with its first API key (API.md §4), stored in the same atomic step, so no
 * failure can leave an account that nobody holds a key for.
 */
public interface AccountRepository {
    /**
     * Stores the account and its first API key together, or neither: when this throws, whatever the
     * reason, neither the account nor the key is stored.
     *
     * @param firstKey a key of {@code account}; further keys go through {@link ApiKeyRepository#add}
     * @throws dev.connect.oauth.domain.OAuthException {@code EMAIL_EXISTS} or {@code PHONE_EXISTS}
     *         when another account holds the same email or phone
     * @throws IllegalArgumentException when {@code firstKey} belongs to another account
     */
    void add(Account account, IssuedApiKey firstKey);

    Optional<Account> findById(AccountId id);

    Optional<Account> findByEmail(Email email);

    boolean existsWithRole(Role role);
}
