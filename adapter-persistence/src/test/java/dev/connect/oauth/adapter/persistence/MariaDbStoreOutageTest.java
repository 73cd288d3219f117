package dev.connect.oauth.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connect.oauth.domain.Account;
import dev.connect.oauth.testkit.testdata.TestAccounts;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * Outages of the real MariaDB: down (connections refused) and silent (connections accepted, never
 * answered), which only the driver's socket timeout turns into a failure instead of a hang.
 */
class MariaDbStoreOutageTest extends StoreOutageSuite {
    @Override
    TestDatabase createDatabase() {
        return MariaDbTestDatabase.create();
    }

    @Test
    void whenDatabaseStopsAnsweringThenUnavailableQuicklyAndWorksAgainOnceBack() throws IOException {
        try (PersistenceAdapter adapter = openThroughProxy()) {
            Account account = TestAccounts.customer().build();
            adapter.accounts().add(account, TestAccounts.keyOf(account));

            proxy().blackhole();

            assertUnavailableWithoutHanging(() -> adapter.accounts().findById(account.id()));
            assertUnavailableWithoutHanging(() -> adapter.health().ping());

            proxy().restore();

            assertWorksAgain(adapter);
            assertThat(adapter.accounts().findById(account.id())).contains(account);
        }
    }
}
