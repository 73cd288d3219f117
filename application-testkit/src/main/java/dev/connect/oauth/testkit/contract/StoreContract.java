package dev.connect.oauth.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connect.oauth.application.port.out.StorePorts;
import dev.connect.oauth.domain.Account;
import dev.connect.oauth.domain.Client;
import dev.connect.oauth.domain.Grant;
import dev.connect.oauth.testkit.testdata.MutableClock;
import dev.connect.oauth.testkit.testdata.TestAccounts;
import dev.connect.oauth.testkit.testdata.TestClients;
import dev.connect.oauth.testkit.testdata.TestGrants;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The base of the port contract suite: each {@code <Port>Contract} states one out-port's Javadoc
 * promise as tests, and each adapter runs them by extending the contract and opening its store.
 *
 * <p>{@link #openStore()} must return the ports of an <em>empty</em> store, and the suite adds rows
 * the way the application does, referenced rows first (client, then account, then grant, then
 * codes, tokens, API keys and sessions), so that it runs unchanged on a database with foreign
 * keys. Instants are whole milliseconds, the precision databases keep.
 */
public abstract class StoreContract {
    /** Threads racing for one code or one refresh token in the atomicity tests. */
    protected static final int RACERS = 32;
    /** The bound of every wait, so that a broken store fails the test instead of hanging it. */
    private static final long WAIT_SECONDS = 60;

    protected StorePorts store;

    /** The ports of a fresh, empty store; called before each test. */
    protected abstract StorePorts openStore();

    /** Releases what {@link #openStore()} opened; called after each test. */
    protected void closeStore() throws Exception {
    }

    @BeforeEach
    final void openTheStore() {
        store = openStore();
    }

    @AfterEach
    final void closeTheStore() throws Exception {
        closeStore();
    }

    /** {@link MutableClock#START} plus some milliseconds: an instant every store keeps exactly. */
    protected static Instant at(long millisAfterStart) {
        return MutableClock.START.plusMillis(millisAfterStart);
    }

    protected Client storedClient() {
        Client client = TestClients.confidential().build();
        store.clients().add(client);
        return client;
    }

    protected Account storedAccount() {
        return storedAccount(TestAccounts.customer().build());
    }

    /** Stores {@code account} with a first API key, as every account is stored. */
    protected Account storedAccount(Account account) {
        store.accounts().add(account, TestAccounts.keyOf(account));
        return account;
    }

    protected Grant storedGrant(Client client, Account account) {
        Grant grant = TestGrants.of(client, account);
        store.grants().add(grant);
        return grant;
    }

    /** A grant of a new account to a new client, with both stored first. */
    protected Grant storedGrant() {
        return storedGrant(storedClient(), storedAccount());
    }

    /** One racer's work; {@code racer} is its number, 0 to {@link #RACERS} - 1. */
    @FunctionalInterface
    protected interface Racer<T> {
        T run(int racer) throws Exception;
    }

    /**
     * Runs {@code task} on {@link #RACERS} threads released at the same moment by a start gate, and
     * returns what each returned, in racer order.
     */
    protected static <T> List<T> race(Racer<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(RACERS);
        try {
            CountDownLatch ready = new CountDownLatch(RACERS);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < RACERS; i++) {
                int racer = i;
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    start.await();
                    return task.run(racer);
                }));
            }
            assertThat(ready.await(WAIT_SECONDS, TimeUnit.SECONDS)).as("all racers ready").isTrue();
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(WAIT_SECONDS, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
