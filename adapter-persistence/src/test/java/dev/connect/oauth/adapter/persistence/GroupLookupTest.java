package dev.connect.oauth.adapter.persistence;

import static dev.connect.oauth.adapter.persistence.jooq.Tables.GRANTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.connect.oauth.adapter.persistence.jooq.tables.records.GrantsRecord;
import dev.connect.oauth.application.port.out.StoreUnavailableException;
import dev.connect.oauth.domain.Client;
import dev.connect.oauth.domain.Grant;
import dev.connect.oauth.testkit.testdata.TestClients;
import dev.connect.oauth.testkit.testdata.TestGrants;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.h2.jdbcx.JdbcDataSource;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.ResultQuery;
import org.jooq.SQLDialect;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link GroupLookup} on H2: lookups that wait together are answered by one statement, each with its
 * own row, and a failed statement fails each lookup it was for.
 *
 * <p>A first lookup holds the reader (its statement waits on a latch) while the others queue up
 * behind it; released, the reader takes the queued lookups as one batch.
 */
class GroupLookupTest {
    private static final int QUEUED = 5;

    private final H2TestDatabase database = new H2TestDatabase();
    private final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    /** The condition of every statement the reader ran. */
    private final List<Condition> statements = new CopyOnWriteArrayList<>();
    private volatile boolean failNext;
    private GroupLookup<GrantsRecord> lookup;
    private List<Grant> grants;

    @BeforeEach
    void openTheStore() {
        try (PersistenceAdapter adapter = PersistenceAdapter.open(database.settings())) {
            Client client = TestClients.confidential().build();
            adapter.clients().add(client);
            grants = IntStream.range(0, QUEUED).mapToObj(i -> TestGrants.forClient(client)).toList();
            grants.forEach(adapter.grants()::add);
        }
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(database.settings().jdbcUrl());
        dataSource.setUser(database.settings().user());
        lookup = new GroupLookup<>(new JooqDatabase(DSL.using(dataSource, SQLDialect.H2)), "grants", GRANTS.ID,
                this::select, 64, 64, Duration.ofSeconds(Caller.WAIT_SECONDS));
    }

    @AfterEach
    void closeTheStore() {
        release.countDown();
        lookup.close();
        database.close();
    }

    @Test
    void findWhenIdleThenAnswersWithTheRowOrEmpty() {
        release.countDown();

        assertThat(lookup.find(grants.get(0).id().value())).map(GrantsRecord::getId)
                .contains(grants.get(0).id().value());
        assertThat(lookup.find("unknown")).isEmpty();
    }

    @Test
    void findWhenLookupsWaitTogetherThenOneStatementAnswersEachWithItsOwnRow() throws Exception {
        blockTheReader();
        List<Caller<Optional<String>>> callers = new ArrayList<>();
        for (Grant grant : grants) {
            callers.add(Caller.start(() -> lookup.find(grant.id().value()).map(GrantsRecord::getId)));
        }
        Caller<Optional<String>> unknown = Caller.start(() -> lookup.find("unknown").map(GrantsRecord::getId));
        List<Caller<Optional<String>>> everyone = new ArrayList<>(callers);
        everyone.add(unknown);
        Caller.awaitWaiting(everyone);
        release.countDown();

        for (int i = 0; i < grants.size(); i++) {
            assertThat(callers.get(i).get()).contains(grants.get(i).id().value());
        }
        assertThat(unknown.get()).isEmpty();
        assertThat(statements).as("the blocking lookup's statement, then one for the queue").hasSize(2);
    }

    @Test
    void findWhenTheStatementFailsThenEachLookupOfItsBatchFails() throws Exception {
        blockTheReader();
        failNext = true;
        List<Caller<Optional<GrantsRecord>>> callers = grants.stream()
                .map(grant -> Caller.start(() -> lookup.find(grant.id().value())))
                .toList();
        Caller.awaitWaiting(callers);
        release.countDown();

        for (Caller<Optional<GrantsRecord>> caller : callers) {
            assertThatThrownBy(caller::get).isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(DataAccessException.class);
        }
        assertThat(lookup.find(grants.get(0).id().value())).as("the next batch").isPresent();
    }

    @Test
    void findWhenClosedThenFailsAsUnavailable() {
        lookup.close();

        assertThatThrownBy(() -> lookup.find("any")).isInstanceOf(StoreUnavailableException.class);
    }

    /** Grants by {@code condition}; the first statement waits for {@link #release}, and one may be made to fail. */
    private ResultQuery<GrantsRecord> select(DSLContext ctx, Condition condition) {
        statements.add(condition);
        entered.countDown();
        try {
            release.await(Caller.WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (failNext && statements.size() > 1) {
            failNext = false;
            return ctx.selectFrom(GRANTS).where(condition).and(DSL.field(DSL.name("no_such_column")).isNull());
        }
        return ctx.selectFrom(GRANTS).where(condition);
    }

    /** A lookup that holds the reader until {@link #release}. */
    private void blockTheReader() throws InterruptedException {
        Caller.start(() -> lookup.find("blocking"));
        assertThat(entered.await(Caller.WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
    }
}
