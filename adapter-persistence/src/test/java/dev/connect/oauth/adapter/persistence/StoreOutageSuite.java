package dev.connect.oauth.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.connect.oauth.application.port.out.StoreUnavailableException;
import dev.connect.oauth.domain.Account;
import dev.connect.oauth.testkit.testdata.TestAccounts;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.function.Executable;

/**
 * Pulling the plug on the database: with a {@link TcpProxy} between the adapter and the server,
 * a test cuts the connection and checks that the ports fail with {@link StoreUnavailableException}
 * quickly instead of hanging, and work again, without a restart, once the database is back.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class StoreOutageSuite {
    /** Short waits, so that the failure comes within a few seconds. */
    private static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(3);
    /**
     * A guard against a hang, not a performance bound: the adapter must fail within its timeouts
     * (2 s and 3 s here), and a call still blocked after several times that has hung.
     */
    private static final Duration HANG_GUARD = Duration.ofSeconds(20);
    /** How long a restored database may take to be used again: the pool reconnects in the background. */
    private static final Duration RECOVERY_WAIT = Duration.ofSeconds(30);

    private TestDatabase database;
    private TcpProxy proxy;

    /** A fresh database of the engine under test. */
    abstract TestDatabase createDatabase();

    @BeforeAll
    final void openDatabase() throws IOException {
        database = createDatabase();
        PersistenceAdapter.open(database.settings()).close();
        proxy = TcpProxy.start("127.0.0.1", database.serverPort());
    }

    @AfterAll
    final void closeDatabase() throws IOException {
        if (proxy != null) {
            proxy.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @AfterEach
    final void restoreNetwork() throws IOException {
        proxy.restore();
    }

    /** The adapter as a node sees it: through the proxy, with short timeouts. */
    final PersistenceAdapter openThroughProxy() {
        DatabaseSettings direct = database.settings();
        return PersistenceAdapter.open(new DatabaseSettings(database.urlThrough(proxy.port()), direct.user(),
                direct.password(), 4, CONNECTION_TIMEOUT, SOCKET_TIMEOUT));
    }

    final TcpProxy proxy() {
        return proxy;
    }

    @Test
    void whenDatabaseDownThenUnavailableQuicklyAndWorksAgainOnceBack() throws IOException {
        try (PersistenceAdapter adapter = openThroughProxy()) {
            Account account = TestAccounts.customer().build();
            adapter.accounts().add(account, TestAccounts.keyOf(account));

            proxy.refuse();

            assertUnavailableWithoutHanging(() -> adapter.health().ping());
            assertUnavailableWithoutHanging(() -> adapter.accounts().findById(account.id()));
            // The maintenance cache keeps its last value on exactly this exception.
            assertUnavailableWithoutHanging(() -> adapter.maintenance().isOn());

            proxy.restore();

            assertWorksAgain(adapter);
            assertThat(adapter.accounts().findById(account.id())).contains(account);
        }
    }

    @Test
    void openWhenDatabaseDownThenUnavailable() throws IOException {
        proxy.refuse();

        assertUnavailableWithoutHanging(() -> openThroughProxy().close());
    }

    /** Runs {@code call} and checks it failed as unavailable before the hang guard; prints how long it took. */
    static void assertUnavailableWithoutHanging(Executable call) {
        Instant start = Instant.now();
        assertTimeoutPreemptively(HANG_GUARD, () -> assertThatThrownBy(call::execute)
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessage("The database is unavailable"));
        System.out.println("Unavailable reported after " + Duration.between(start, Instant.now()).toMillis() + " ms");
    }

    /** Waits, boundedly, until the adapter answers again: the pool reconnects on its own. */
    static void assertWorksAgain(PersistenceAdapter adapter) {
        Instant deadline = Instant.now().plus(RECOVERY_WAIT);
        while (true) {
            try {
                adapter.health().ping();
                return;
            } catch (StoreUnavailableException e) {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("The adapter did not recover within " + RECOVERY_WAIT, e);
                }
                pause();
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while waiting for the database", e);
        }
    }
}
