package dev.connect.oauth.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connect.oauth.application.port.out.StoreUnavailableException;
import dev.connect.oauth.domain.Account;
import dev.connect.oauth.testkit.testdata.TestAccounts;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A multi-host URL with sequential failover, {@code jdbc:mysql://first,second/db?failOverReadOnly=false}:
 * the first host is a {@link TcpProxy} to the MariaDB, the second the MariaDB itself. When the first
 * dies, the node keeps writing through the second after a short burst of failures, which is printed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MariaDbFailoverTest {
    /** A bound on the loop, not on the burst: the burst is printed, and must end. */
    private static final int MAX_CALLS = 200;

    private TestDatabase database;
    private TcpProxy first;

    @BeforeAll
    void open() throws IOException {
        database = MariaDbTestDatabase.create();
        first = TcpProxy.start(MariaDbTestDatabase.HOST, database.serverPort());
    }

    @AfterAll
    void close() throws IOException {
        if (first != null) {
            first.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void whenTheFirstHostDiesThenWritesGoOnThroughTheSecondAfterABriefBurst() throws IOException {
        String direct = database.settings().jdbcUrl();
        String url = direct.replace("//" + MariaDbTestDatabase.HOST + ":" + database.serverPort() + "/",
                "//" + MariaDbTestDatabase.HOST + ":" + first.port() + "," + MariaDbTestDatabase.HOST + ":"
                        + database.serverPort() + "/") + "?failOverReadOnly=false";
        DatabaseSettings settings = new DatabaseSettings(url, database.settings().user(),
                database.settings().password(), 4, Duration.ofSeconds(2), Duration.ofSeconds(3));
        try (PersistenceAdapter node = PersistenceAdapter.open(settings)) {
            storeAccount(node);

            first.refuse();
            long died = System.nanoTime();
            int failures = 0;
            int calls = 0;
            boolean written = false;
            while (!written && calls < MAX_CALLS) {
                calls++;
                try {
                    storeAccount(node);
                    written = true;
                } catch (StoreUnavailableException unavailable) {
                    failures++;
                }
            }
            long burstMillis = (System.nanoTime() - died) / 1_000_000;

            System.out.println("Failover to the second host: " + failures + " failed calls over " + burstMillis
                    + " ms, then writes through the second host");
            assertThat(written).isTrue();
            for (int i = 0; i < 10; i++) {
                storeAccount(node);
            }
        }
    }

    private static void storeAccount(PersistenceAdapter node) {
        Account account = TestAccounts.customer().build();
        node.accounts().add(account, TestAccounts.keyOf(account));
        assertThat(node.accounts().findById(account.id())).contains(account);
    }
}
