package dev.connect.oauth.application.port.out;

import dev.connect.oauth.domain.Account;
import dev.connect.oauth.domain.AccountId;
import dev.connect.oauth.domain.Email;
import dev.connect.oauth.domain.Role;
import java.util.Optional;

/**
 * Accounts. Email and phone are unique across all accounts, enforced atomically by the store
 * (two nodes adding the same email at once: one wins, the other gets {@code email_exists}).
 */
public interface AccountRepository {
    /**
     * Stores a new account.
     *
     * @throws dev.connect.oauth.domain.OAuthException {@code EMAIL_EXISTS} or {@code PHONE_EXISTS}
     *         when another account holds the same email or phone; nothing is stored then
     */
    void add(Account account);

    Optional<Account> findById(AccountId id);

    Optional<Account> findByEmail(Email email);

    boolean existsWithRole(Role role);
}
