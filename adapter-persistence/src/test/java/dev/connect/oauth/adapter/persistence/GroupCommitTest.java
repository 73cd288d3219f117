package dev.connect.oauth.adapter.persistence;

import static dev.connect.oauth.adapter.persistence.jooq.Tables.GRANTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.connect.oauth.adapter.persistence.jooq.tables.records.ClientsRecord;
import dev.connect.oauth.testkit.testdata.TestClients;
import dev.connect.oauth.testkit.testdata.TestGrants;
import dev.connect.oauth.domain.Client;
import dev.connect.oauth.domain.Grant;
import dev.connect.oauth.application.port.out.StoreUnavailableException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.h2.jdbcx.JdbcDataSource;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link GroupCommit} on H2: writes that wait together share one transaction, each caller returns
 * only after that transaction committed, only the writes whose condition matched insert their
 * rows, and one write's failure fails only its own caller.
 *
 * <p>A first write holds the only writer (its condition waits on a latch inside the transaction)
 * while the others queue up behind it; released, the writer takes the queued writes as one batch.
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
    void runWhenIdleThenCommitsTheWriteAlone() {
        Grant grant = TestGrants.forClient(client);

        assertThat(groupCommit.run(GroupCommit.Write.of(List.of(GrantMapper.toRecord(grant))))).isTrue();
        assertThat(stored(grant)).isTrue();
    }

    @Test
    void runWhenWritesWaitTogetherThenOneTransactionHoldsThemAndEachReturnsAfterItsCommit() throws Exception {
        blockTheWriter();
        List<Grant> grants = IntStream.range(0, QUEUED).mapToObj(i -> TestGrants.forClient(client)).toList();
        List<Integer> transactions = new CopyOnWriteArrayList<>();
        List<Caller<Boolean>> callers = new ArrayList<>();
        for (Grant grant : grants) {
            callers.add(Caller.start(() -> groupCommit.run(GroupCommit.Write.when(ctx -> {
                transactions.add(System.identityHashCode(ctx));
                return matchNothing(ctx);
            }, List.of(GrantMapper.toRecord(grant))))));
        }
        Caller.awaitWaiting(callers);

        assertThat(callers).noneMatch(Caller::isDone);
        assertThat(grants).noneMatch(this::stored);
        release.countDown();

        for (Caller<Boolean> caller : callers) {
            assertThat(caller.get()).as("its condition matched nothing").isFalse();
        }
        assertThat(transactions).as("one transaction").hasSize(QUEUED).containsOnly(transactions.get(0));
        assertThat(meters.summary(GroupCommit.BATCH_SIZE_METER).max()).isEqualTo(QUEUED);
        assertThat(grants).noneMatch(this::stored);
    }

    @Test
    void runWhenConditionsOfABatchMatchOrNotThenOnlyTheMatchedInsertTheirRows() throws Exception {
        Grant revoked = TestGrants.forClient(client);
        Grant standing = TestGrants.forClient(client);
        groupCommit.run(GroupCommit.Write.of(List.of(GrantMapper.toRecord(revoked), GrantMapper.toRecord(standing))));
        blockTheWriter();
        Grant afterRevocation = TestGrants.forClient(client);
        Grant afterRevocationAgain = TestGrants.forClient(client);
        Grant unconditional = TestGrants.forClient(client);
        // Two revocations of one grant in one batch: the one queued first changes its row, the other
        // finds it revoked. The callers start at once, so either may be queued first.
        List<Caller<Boolean>> callers = List.of(
                Caller.start(() -> groupCommit.run(GroupCommit.Write.when(ctx -> revoke(ctx, revoked),
                        List.of(GrantMapper.toRecord(afterRevocation))))),
                Caller.start(() -> groupCommit.run(GroupCommit.Write.of(List.of(GrantMapper.toRecord(unconditional))))),
                Caller.start(() -> groupCommit.run(GroupCommit.Write.when(ctx -> revoke(ctx, revoked),
                        List.of(GrantMapper.toRecord(afterRevocationAgain))))));
        Caller.awaitWaiting(callers);
        release.countDown();

        boolean first = callers.get(0).get();
        boolean second = callers.get(2).get();
        assertThat(first).as("exactly one revocation matched").isNotEqualTo(second);
        assertThat(callers.get(1).get()).isTrue();
        assertThat(stored(afterRevocation)).isEqualTo(first);
        assertThat(stored(unconditional)).isTrue();
        assertThat(stored(afterRevocationAgain)).isEqualTo(second);
        assertThat(stored(standing)).isTrue();
    }

    @Test
    void runWhenOneWriteOfABatchFailsThenOnlyItsCallerFailsAndTheOthersAreCommitted() throws Exception {
        Grant existing = TestGrants.forClient(client);
        groupCommit.run(GroupCommit.Write.of(List.of(GrantMapper.toRecord(existing))));
        blockTheWriter();
        List<Grant> grants = IntStream.range(0, QUEUED).mapToObj(i -> TestGrants.forClient(client)).toList();
        List<Caller<Boolean>> callers = new ArrayList<>();
        for (Grant grant : grants) {
            callers.add(Caller.start(() -> groupCommit.run(GroupCommit.Write.of(List.of(GrantMapper.toRecord(grant))))));
        }
        Caller<Boolean> clash = Caller.start(() -> groupCommit.run(GroupCommit.Write.of(
                List.of(GrantMapper.toRecord(existing)))));
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
    void writeWhenRowOfATableWithNoInsertOrderThenRefused() {
        assertThatThrownBy(() -> GroupCommit.Write.of(List.of(new ClientsRecord())))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void runWhenClosedThenFailsAsUnavailable() {
        groupCommit.close();

        assertThatThrownBy(() -> groupCommit.run(GroupCommit.Write.of(List.of())))
                .isInstanceOf(StoreUnavailableException.class);
    }

    /** A write whose condition holds the writer's transaction open until {@link #release}. */
    private void blockTheWriter() throws InterruptedException {
        Caller.start(() -> groupCommit.run(GroupCommit.Write.when(ctx -> {
            entered.countDown();
            awaitUninterruptibly(release);
            return matchNothing(ctx);
        }, List.of())));
        assertThat(entered.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
    }

    private static Query matchNothing(DSLContext ctx) {
        return ctx.update(GRANTS).set(GRANTS.REVOKED_AT, 1L).where(DSL.falseCondition());
    }

    private static Query revoke(DSLContext ctx, Grant grant) {
        return ctx.update(GRANTS).set(GRANTS.REVOKED_AT, 1L)
                .where(GRANTS.ID.eq(grant.id().value()).and(GRANTS.REVOKED_AT.isNull()));
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
