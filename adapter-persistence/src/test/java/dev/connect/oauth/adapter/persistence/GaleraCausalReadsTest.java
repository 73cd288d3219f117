package dev.connect.oauth.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.connect.oauth.domain.AccessToken;
import dev.connect.oauth.domain.Client;
import dev.connect.oauth.domain.Grant;
import dev.connect.oauth.testkit.testdata.TestClients;
import dev.connect.oauth.testkit.testdata.TestGrants;
import dev.connect.oauth.testkit.testdata.TestTokens;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLSyntaxErrorException;
import java.sql.Statement;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Galera detection and the price of causal reads: the pool turns {@code wsrep_sync_wait} on (and
 * multi-statements off) for a Galera node and leaves a plain MariaDB alone, and a loop of token
 * lookups on node 2 with and without it prints what the wait costs (no timing assertion).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GaleraCausalReadsTest {
    private static final int READS = 500;
    private static final int BATCHES = 4;

    private GaleraTestDatabase database;
    private PersistenceAdapter nodeOne;

    @BeforeAll
    void open() {
        database = GaleraTestDatabase.create();
        nodeOne = PersistenceAdapter.open(database.settings());
    }

    @AfterAll
    void close() {
        if (nodeOne != null) {
            nodeOne.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void openWhenGaleraThenEveryConnectionWaitsForCausalReads() throws SQLException {
        try (HikariDataSource pool = ConnectionPool.open(database.secondNodeSettings(), PersistenceTelemetry.none().meters());
             Connection connection = pool.getConnection()) {
            assertThat(syncWaitOf(connection)).isEqualTo(1);
        }
    }

    /**
     * A brute-force abort in the middle of a multi-statement would leave its remaining statements
     * to run outside the transaction, each committed alone: on Galera the pool sends none.
     */
    @Test
    void openWhenGaleraThenNoMultiStatements() throws SQLException {
        try (HikariDataSource pool = ConnectionPool.open(database.secondNodeSettings(), PersistenceTelemetry.none().meters());
             Connection connection = pool.getConnection();
             Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.execute("SELECT 1; SELECT 2")).isInstanceOf(SQLSyntaxErrorException.class);
        }
    }

    @Test
    void openWhenPlainMariaDbThenNoSyncWait() throws SQLException {
        try (MariaDbTestDatabase plain = MariaDbTestDatabase.create()) {
            assertThat(ConnectionPool.isGalera(plain.settings())).isFalse();
        }
    }

    @Test
    void readWhenSyncWaitOnThenPrintsItsCost() throws SQLException {
        Client client = TestClients.confidential().build();
        nodeOne.clients().add(client);
        Grant grant = TestGrants.forClient(client);
        nodeOne.grants().add(grant);
        AccessToken token = TestTokens.access(grant).build();
        nodeOne.tokens().add(token, Optional.empty());

        try (HikariDataSource pool = ConnectionPool.open(database.secondNodeSettings(), PersistenceTelemetry.none().meters());
             Connection connection = pool.getConnection()) {
            // The warm-up waits for causality: read at once without it, node 2 may not have the token yet.
            microsPerRead(connection, 1, token);
            long withoutWait = 0;
            long withWait = 0;
            // Alternating batches, after a warm-up, so that neither mode pays for the other's warm-up.
            for (int batch = 0; batch < BATCHES; batch++) {
                withoutWait += microsPerRead(connection, 0, token);
                withWait += microsPerRead(connection, 1, token);
            }
            System.out.println("Token lookup on Galera node 2, " + BATCHES * READS + " reads each: "
                    + withoutWait / BATCHES + " us without wsrep_sync_wait, " + withWait / BATCHES
                    + " us with wsrep_sync_wait=1");
        }
    }

    private static long microsPerRead(Connection connection, int syncWait, AccessToken token) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET SESSION wsrep_sync_wait = " + syncWait);
        }
        try (PreparedStatement lookup = connection.prepareStatement(
                "SELECT id FROM access_tokens WHERE hash = ?")) {
            lookup.setString(1, token.hash().hex());
            long started = System.nanoTime();
            for (int i = 0; i < READS; i++) {
                try (ResultSet row = lookup.executeQuery()) {
                    assertThat(row.next()).isTrue();
                }
            }
            return (System.nanoTime() - started) / 1_000 / READS;
        }
    }

    private static int syncWaitOf(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT @@session.wsrep_sync_wait")) {
            row.next();
            return row.getInt(1);
        }
    }
}
