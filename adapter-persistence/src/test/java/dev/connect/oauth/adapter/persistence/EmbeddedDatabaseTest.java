package dev.connect.oauth.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connect.oauth.domain.Account;
import dev.connect.oauth.testkit.testdata.TestAccounts;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded default: an H2 file in a data directory, kept across restarts. */
class EmbeddedDatabaseTest {
    @TempDir
    Path dataDir;

    @Test
    void openWhenReopenedThenDataKeptAndSchemaMigratedOnce() {
        Account account = TestAccounts.customer().build();
        try (PersistenceAdapter adapter = PersistenceAdapter.open(DatabaseSettings.embedded(dataDir))) {
            adapter.accounts().add(account, TestAccounts.keyOf(account));
        }

        try (PersistenceAdapter reopened = PersistenceAdapter.open(DatabaseSettings.embedded(dataDir))) {
            assertThat(reopened.accounts().findById(account.id())).contains(account);
        }
        assertThat(Files.exists(dataDir.resolve("connect.mv.db"))).isTrue();
    }
}
