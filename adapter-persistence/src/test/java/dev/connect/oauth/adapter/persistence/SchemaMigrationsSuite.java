package dev.connect.oauth.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.connect.oauth.domain.Account;
import dev.connect.oauth.domain.ClientAuthSettings;
import dev.connect.oauth.domain.ClientId;
import dev.connect.oauth.domain.ClientType;
import dev.connect.oauth.testkit.testdata.TestAccounts;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationState;
import org.jooq.CloseableDSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Starting on MySQL: several nodes at once, a cut migration left behind by an earlier start, and
 * the migration lease of a live or a dead node. Each test on a new database; node {@code n}
 * connects to the database server at {@code nodePorts().get(n)} of 127.0.0.1, so on a Galera
 * cluster each node goes through another Galera node. Subclasses choose the servers.
 */
abstract class SchemaMigrationsSuite {
    private static final String HOST = "127.0.0.1";
    private static final String HISTORY = "flyway_schema_history";
    private static final Duration VISIBLE_WITHIN = Duration.ofSeconds(10);

    private String name;

    /** The port of the database server each of the three nodes connects to. */
    abstract List<Integer> nodePorts();

    /** What to start when the servers cannot be reached. */
    abstract String howToStart();

    /** The URL options that make a check read everything committed before, through any server. */
    abstract String causalReads();

    @BeforeEach
    final void createDatabase() throws SQLException, InterruptedException {
        String candidate = "connect_test_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        try (Connection connection = DriverManager.getConnection(serverUrl(0), "root", "");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + candidate + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        } catch (SQLException e) {
            String why = "no database server at " + HOST + ":" + nodePorts().getFirst() + " (" + e.getMessage()
                    + "); start it with " + howToStart();
            if ("true".equals(System.getenv("CI"))) {
                Assertions.fail("CI=true requires the schema migration tests: " + why, e);
            }
            Assumptions.abort("Skipped: " + why);
        }
        name = candidate;
        // On Galera a new database reaches the other nodes in total order, not at once.
        long deadline = System.nanoTime() + VISIBLE_WITHIN.toNanos();
        for (int node = 0; node < nodePorts().size(); node++) {
            while (!visibleOn(node)) {
                assertThat(System.nanoTime()).as("database visible on node %d", node).isLessThan(deadline);
                Thread.sleep(50);
            }
        }
    }

    @AfterEach
    final void dropDatabase() throws SQLException {
        if (name != null) {
            try (Connection connection = DriverManager.getConnection(serverUrl(0), "root", "");
                 Statement statement = connection.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + name);
            }
        }
    }

    @Test
    void openWhenNodesStartAtOnceThenOneMigratesAndEveryNodeOpens() throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService nodes = Executors.newFixedThreadPool(nodePorts().size());
        List<PersistenceAdapter> opened = new ArrayList<>();
        try {
            List<Future<PersistenceAdapter>> starts = new ArrayList<>();
            for (int node = 0; node < nodePorts().size(); node++) {
                DatabaseSettings settings = settings(node);
                starts.add(nodes.submit(() -> {
                    start.await();
                    return PersistenceAdapter.open(settings);
                }));
            }
            start.countDown();
            for (Future<PersistenceAdapter> node : starts) {
                opened.add(node.get(2, TimeUnit.MINUTES));
            }

            assertThat(opened).extracting(adapter -> adapter.schemaMigration().applied())
                    .containsExactlyInAnyOrder(migrations(), 0, 0);
            assertThat(historyRows("success = 1")).isEqualTo(migrations());
            assertThat(historyRows("success = 0")).isZero();
            assertThat(leaseRows()).isZero();
        } finally {
            opened.forEach(PersistenceAdapter::close);
            nodes.shutdownNow();
        }
    }

    @Test
    void openWhenSchemaCurrentThenOpensWithoutTheLeaseEvenWhileAnotherNodeHoldsIt() throws SQLException {
        PersistenceAdapter.open(settings(0)).close();
        leaseHeldBy("busy-node", Clock.systemUTC(), Duration.ofDays(1));

        try (PersistenceAdapter adapter = PersistenceAdapter.open(settings(1))) {
            assertThat(adapter.schemaMigration()).isEqualTo(SchemaMigration.CURRENT);
        }
    }

    @Test
    void openWhenFailedMigrationRowAndHalfCreatedSchemaThenClearsThemAndMigrates() throws SQLException {
        // What two Galera nodes migrating at once left: the history was started, the other node
        // had created `clients`, so this one's V1 stopped there after creating `accounts` and
        // `api_keys`, and Flyway recorded the failure.
        Flyway.configure().configuration(plainFlyway().getConfiguration()).baselineVersion("0").load().baseline();
        execute("CREATE TABLE clients (seq BIGINT NOT NULL, PRIMARY KEY (seq))");
        assertThatThrownBy(() -> plainFlyway().migrate()).isInstanceOf(FlywayException.class)
                .hasMessageContaining("already exists");
        assertThat(historyRows("success = 0")).isEqualTo(1);
        assertThatThrownBy(() -> plainFlyway().migrate()).hasMessageContaining("failed migration");

        try (PersistenceAdapter adapter = PersistenceAdapter.open(settings(1))) {
            assertThat(adapter.schemaMigration().recovered()).isTrue();
            assertThat(adapter.schemaMigration().applied()).isEqualTo(migrations());
            assertUsable(adapter);
        }
        assertThat(historyRows("success = 1")).isEqualTo(migrations());
        assertThat(historyRows("success = 0")).isZero();
    }

    @Test
    void openWhenFirstMigrationCutWithoutHistoryRowThenDropsItsEmptyTablesAndMigrates() throws Exception {
        // A node killed during V1: some statements ran, Flyway wrote no row.
        List<String> statements = v1Statements();
        for (String statement : statements.subList(0, 4)) {
            execute(statement);
        }

        try (PersistenceAdapter adapter = PersistenceAdapter.open(settings(2))) {
            assertThat(adapter.schemaMigration().recovered()).isTrue();
            assertUsable(adapter);
        }
        assertThat(historyRows("success = 1")).isEqualTo(migrations());
    }

    @Test
    void openWhenLeftoverTableHoldsRowsThenRefusesAndDropsNothing() throws Exception {
        execute(v1Statements().get(0));
        execute("INSERT INTO accounts (id, email, name, role, created_at) VALUES ('a', 'a@example.com', 'A', 'admin', 0)");

        assertThatThrownBy(() -> PersistenceAdapter.open(settings(1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("table accounts")
                .hasMessageContaining("holds rows");
        assertThat(count("SELECT COUNT(*) FROM accounts")).isEqualTo(1);
        assertThat(leaseRows()).isZero();
    }

    @Test
    void openWhenLiveNodeHoldsTheLeaseThenWaitsAndGivesUpNamingIt() throws SQLException {
        leaseHeldBy("busy-node", Clock.systemUTC(), Duration.ofDays(1));
        DatabaseSettings impatient = new DatabaseSettings(settings(1).jdbcUrl(), "root", "", 2,
                DatabaseSettings.DEFAULT_CONNECTION_TIMEOUT, DatabaseSettings.DEFAULT_SOCKET_TIMEOUT, Duration.ofSeconds(1));

        assertThatThrownBy(() -> PersistenceAdapter.open(impatient))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Gave up waiting for the schema migration after 1 s")
                .hasMessageContaining("busy-node");
        assertThat(historyRows("1 = 1")).isZero();
    }

    @Test
    void openWhenLeaseOfADeadNodeExpiredThenTakesItOverAndMigrates() throws SQLException {
        leaseHeldBy("dead-node", Clock.fixed(Instant.EPOCH, ZoneOffset.UTC), Duration.ofSeconds(30));

        try (PersistenceAdapter adapter = PersistenceAdapter.open(settings(1))) {
            assertThat(adapter.schemaMigration().applied()).isEqualTo(migrations());
        }
        assertThat(leaseRows()).isZero();
    }

    @Test
    void openWhenClientsPredateAuthSettingsThenEachGetsWhatItsTypeCouldDo() throws SQLException {
        // V15 (issue 11) adds token_endpoint_auth_method and grant_types: clients stored before keep working.
        Flyway.configure().configuration(plainFlyway().getConfiguration()).baselineVersion("0").load().baseline();
        Flyway.configure().configuration(plainFlyway().getConfiguration()).target("12").load().migrate();
        execute("INSERT INTO clients (id, name, type, secret_hash, allowed_scopes, created_at) VALUES "
                + "('web', 'Web', 'confidential', '" + "a".repeat(64) + "', 'connect', 0), "
                + "('machine', 'Machine', 'confidential', '" + "b".repeat(64) + "', 'connect', 0), "
                + "('spa', 'SPA', 'public', NULL, 'connect', 0)");
        execute("INSERT INTO client_redirect_uris (client_id, position, uri) VALUES "
                + "('web', 0, 'https://web.example.com/cb'), ('spa', 0, 'https://spa.example.com/cb')");

        try (PersistenceAdapter adapter = PersistenceAdapter.open(settings(0))) {
            assertThat(adapter.clients().findById(new ClientId("web")).orElseThrow().auth())
                    .isEqualTo(ClientAuthSettings.defaultsFor(ClientType.CONFIDENTIAL, true));
            assertThat(adapter.clients().findById(new ClientId("machine")).orElseThrow().auth())
                    .isEqualTo(ClientAuthSettings.defaultsFor(ClientType.CONFIDENTIAL, false));
            assertThat(adapter.clients().findById(new ClientId("spa")).orElseThrow().auth())
                    .isEqualTo(ClientAuthSettings.defaultsFor(ClientType.PUBLIC, true));
        }
    }

    private static void assertUsable(PersistenceAdapter adapter) {
        Account account = TestAccounts.customer().build();
        adapter.accounts().add(account, TestAccounts.keyOf(account));
        assertThat(adapter.accounts().findById(account.id())).contains(account);
    }

    /** Flyway as the server ran it before the lease (Flyway's own lock only), through node 0. */
    private Flyway plainFlyway() {
        DatabaseSettings settings = settings(0);
        return Flyway.configure().dataSource(settings.jdbcUrl(), settings.user(), settings.password())
                .locations(SchemaMigrations.LOCATION).load();
    }

    /** The migrations of {@code db/migration}, not counting the empty baseline of a new database. */
    private int migrations() {
        return (int) Arrays.stream(plainFlyway().info().all()).filter(m -> m.getState() != MigrationState.BASELINE)
                .count();
    }

    /** Another node's lease (through node 0), taken at {@code clock} for {@code term}. */
    private void leaseHeldBy(String owner, Clock clock, Duration term) {
        DatabaseSettings settings = settings(0);
        try (CloseableDSLContext dsl = DSL.using(settings.jdbcUrl(), settings.user(), settings.password())) {
            MigrationLease lease = new MigrationLease(dsl, owner, clock, term);
            lease.createTable();
            assertThat(lease.tryAcquire()).isTrue();
        }
    }

    private static List<String> v1Statements() throws IOException {
        try (InputStream in = MariaDbSchemaMigrationsTest.class.getResourceAsStream("/db/migration/V1__schema.sql")) {
            String script = new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("--[^\\n]*", "");
            return Arrays.stream(script.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        }
    }

    private int historyRows(String condition) throws SQLException {
        if (count("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = '"
                + HISTORY + "'") == 0) {
            return 0;
        }
        return count("SELECT COUNT(*) FROM " + HISTORY + " WHERE type <> 'BASELINE' AND " + condition);
    }

    private int leaseRows() throws SQLException {
        return count("SELECT COUNT(*) FROM " + MigrationLease.TABLE);
    }

    private int count(String sql) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private void execute(String sql) {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /**
     * Node 0's connection: the checks and the prepared states go through it. Its reads must see
     * what the nodes wrote through the other servers (on Galera, see {@link #causalReads()}).
     */
    private Connection connect() throws SQLException {
        return DriverManager.getConnection(settings(0).jdbcUrl() + causalReads(), "root", "");
    }

    private DatabaseSettings settings(int node) {
        return DatabaseSettings.of("jdbc:mysql://" + HOST + ":" + nodePorts().get(node) + "/" + name, "root", "");
    }

    private String serverUrl(int node) {
        return "jdbc:mysql://" + HOST + ":" + nodePorts().get(node) + "/?connectTimeout=3000&socketTimeout=30000";
    }

    private boolean visibleOn(int node) throws SQLException {
        try (Connection connection = DriverManager.getConnection(serverUrl(node), "root", "");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM information_schema.schemata "
                     + "WHERE schema_name = '" + name + "'")) {
            rows.next();
            return rows.getInt(1) == 1;
        }
    }
}
