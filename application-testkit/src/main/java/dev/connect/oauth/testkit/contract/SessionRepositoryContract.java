package dev.connect.oauth.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connect.oauth.application.port.out.BrowserSession;
import dev.connect.oauth.application.port.out.SessionRepository;
import dev.connect.oauth.domain.Account;
import dev.connect.oauth.testkit.testdata.TestIds;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The promise of {@link SessionRepository}. */
public abstract class SessionRepositoryContract extends StoreContract {

    private BrowserSession storedSession(Account account) {
        BrowserSession session = new BrowserSession(TestIds.hashOf(TestIds.secret()), account.id(), at(1_001),
                at(1_001).plus(Duration.ofHours(8)));
        store.sessions().add(session);
        return session;
    }

    @Test
    void findByHashWhenAddedThenReturnsEveryField() {
        BrowserSession session = storedSession(storedAccount());

        assertThat(store.sessions().findByHash(session.hash())).contains(session);
    }

    @Test
    void findByHashWhenUnknownThenEmpty() {
        storedSession(storedAccount());

        assertThat(store.sessions().findByHash(TestIds.hashOf("not a session"))).isEmpty();
    }

    @Test
    void removeThenGoneAndOtherSessionsStay() {
        Account account = storedAccount();
        BrowserSession removed = storedSession(account);
        BrowserSession kept = storedSession(account);

        store.sessions().remove(removed.hash());

        assertThat(store.sessions().findByHash(removed.hash())).isEmpty();
        assertThat(store.sessions().findByHash(kept.hash())).contains(kept);
    }

    @Test
    void removeWhenUnknownOrRemovedThenNothingHappens() {
        BrowserSession session = storedSession(storedAccount());
        store.sessions().remove(session.hash());

        store.sessions().remove(session.hash());
        store.sessions().remove(TestIds.hashOf("not a session"));

        assertThat(store.sessions().findByHash(session.hash())).isEmpty();
    }
}
