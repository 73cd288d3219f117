package dev.connect.oauth.application.service;

import dev.connect.oauth.application.port.out.AccountRepository;
import dev.connect.oauth.domain.Account;
import dev.connect.oauth.domain.AccountId;
import dev.connect.oauth.domain.Email;
import dev.connect.oauth.domain.IssuedApiKey;
import dev.connect.oauth.domain.Role;
import java.util.Objects;
import java.util.Optional;

/**
 * An {@link AccountRepository} on which another node's work lands at a chosen moment of this
 * node's: after its first read of the admins (which still answers what it read before), or just
 * before its insert. It lets a test lose the race for the first admin on demand; everything else
 * goes to the real store.
 */
final class RacingAccountRepository implements AccountRepository {
    /** When the other node's work lands. */
    enum Moment {
        AFTER_ADMIN_CHECK,
        BEFORE_INSERT
    }

    private final AccountRepository store;
    private final Moment moment;
    private Runnable otherNode;

    RacingAccountRepository(AccountRepository store, Moment moment, Runnable otherNode) {
        this.store = Objects.requireNonNull(store, "store");
        this.moment = Objects.requireNonNull(moment, "moment");
        this.otherNode = Objects.requireNonNull(otherNode, "otherNode");
    }

    @Override
    public boolean existsWithRole(Role role) {
        boolean before = store.existsWithRole(role);
        if (moment == Moment.AFTER_ADMIN_CHECK) {
            race();
        }
        return before;
    }

    @Override
    public void add(Account account, IssuedApiKey firstKey) {
        if (moment == Moment.BEFORE_INSERT) {
            race();
        }
        store.add(account, firstKey);
    }

    @Override
    public Optional<Account> findById(AccountId id) {
        return store.findById(id);
    }

    @Override
    public Optional<Account> findByEmail(Email email) {
        return store.findByEmail(email);
    }

    /** The other node's work happens once. */
    private void race() {
        Runnable once = otherNode;
        otherNode = () -> {
        };
        once.run();
    }
}
