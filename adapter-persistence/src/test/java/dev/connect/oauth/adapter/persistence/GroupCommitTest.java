package dev.connect.oauth.adapter.persistence;

import static dev.connect.oauth.adapter.persistence.jooq.Tables.GRANTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.connect.oauth.testkit.testdata.TestClients;
import dev.connect.oauth.testkit.testdata.TestGrants;
import dev.connect.oauth.domain.Client;
import dev.connect.oauth.domain.Grant;
import dev.connect.oauth.application.port.out.StoreUnavailableException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.h2.jdbcx.JdbcDataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link GroupCommit} on H2: works that wait together share one transaction, each caller returns
 * only after that transaction committed, and one work's failure fails only its own caller.
 *
 * <p>A first work holds the only writer (it waits on a latch inside its transaction) while the
 * others queue up behind it; released, the writer takes the queued works as one batch.
 */
class GroupCommitTest {
    private static final int QUEUED = 5;
    private static final long WAIT_SECONDS = Caller.WAIT_SECONDS;

    private final H2TestDatabase database = new H2TestDatabase();
    private final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private DSLContext dsl;
    private GroupCommit groupCommit;
    private Client client;

    @BeforeEach
    void openTheStore() {
        try (PersistenceAdapter adapter = PersistenceAdapter.open(database.settings())) {
            client = TestClients.confidential().build();
            adapter.clients().add(client);
        }
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(database.settings().jdbcUrl());
        dataSource.setUser(database.settings().user());
        dsl = DSL.using(dataSource, SQLDialect.H2);
        groupCommit = new GroupCommit(new JooqDatabase(dsl), 1, 64, 64, Duration.ofSeconds(WAIT_SECONDS),
                meters);
    }

    @AfterEach
    void closeTheStore() {
        release.countDown();
        groupCommit.close();
        database.close();
    }

    @Test
    void runWhenIdleThenCommitsTheWorkAloneAndReturnsItsResult() {
        Grant grant = TestGrants.forClient(client);

        String result = groupCommit.run((ctx, rows) -> {
            rows.add(GrantMapper.toRecord(grant));
            return "stored";
        });

        assertThat(result).isEqualTo("stored");
        assertThat(stored(grant)).isTrue();
    }

    @Test
    void runWhenWorksWaitTogetherThenOneTransactionHoldsThemAndEachReturnsAfterItsCommit() throws Exception {
        blockTheWriter();
        List<Grant> grants = IntStream.range(0, QUEUED).mapToObj(i -> TestGrants.forClient(client)).toList();
        List<Caller<Integer>> callers = new ArrayList<>();
        for (Grant grant : grants) {
            callers.add(Caller.start(() -> groupCommit.run((ctx, rows) -> {
                rows.add(GrantMapper.toRecord(grant));
                return System.identityHashCode(ctx);
            })));
        }
        Caller.awaitWaiting(callers);

        assertThat(callers).noneMatch(Caller::isDone);
        assertThat(grants).noneMatch(this::stored);
        release.countDown();

        List<Integer> transactions = new ArrayList<>();
        for (Caller<Integer> caller : callers) {
            transactions.add(caller.get());
        }
        assertThat(transactions).as("one transaction").containsOnly(transactions.get(0));
        assertThat(meters.summary(GroupCommit.BATCH_SIZE_METER).max()).isEqualTo(QUEUED);
        assertThat(grants).allMatch(this::stored);
    }

    @Test
    void runWhenOneWorkOfABatchFailsThenOnlyItsCallerFailsAndTheOthersAreCommitted() throws Exception {
        Grant existing = TestGrants.forClient(client);
        groupCommit.run((ctx, rows) -> {
            rows.add(GrantMapper.toRecord(existing));
            return null;
        });
        blockTheWriter();
        List<Grant> grants = IntStream.range(0, QUEUED).mapToObj(i -> TestGrants.forClient(client)).toList();
        List<Caller<Boolean>> callers = new ArrayList<>();
        for (Grant grant : grants) {
            callers.add(Caller.start(() -> groupCommit.run((ctx, rows) -> {
                rows.add(GrantMapper.toRecord(grant));
                return true;
            })));
        }
        Caller<Boolean> clash = Caller.start(() -> groupCommit.run((ctx, rows) -> {
            rows.add(GrantMapper.toRecord(existing));
            return true;
        }));
        List<Caller<Boolean>> everyone = new ArrayList<>(callers);
        everyone.add(clash);
        Caller.awaitWaiting(everyone);
        release.countDown();

        for (Caller<Boolean> caller : callers) {
            assertThat(caller.get()).isTrue();
        }
        assertThatThrownBy(clash::get).isInstanceOf(ExecutionException.class)
                .hasRootCauseInstanceOf(SQLIntegrityConstraintViolationException.class);
        assertThat(grants).allMatch(this::stored);
    }

    @Test
    void runWhenClosedThenFailsAsUnavailable() {
        groupCommit.close();

        assertThatThrownBy(() -> groupCommit.run((ctx, rows) -> null))
                .isInstanceOf(StoreUnavailableException.class);
    }

    /** A work that holds the writer's transaction open until {@link #release}. */
    private void blockTheWriter() throws InterruptedException {
        Caller.start(() -> groupCommit.run((ctx, rows) -> {
            entered.countDown();
            awaitUninterruptibly(release);
            return null;
        }));
        assertThat(entered.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
    }

    private boolean stored(Grant grant) {
        return dsl.fetchExists(GRANTS, GRANTS.ID.eq(grant.id().value()));
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        try {
            latch.await(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
