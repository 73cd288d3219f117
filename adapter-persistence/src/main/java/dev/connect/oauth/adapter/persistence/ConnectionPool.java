package dev.connect.oauth.adapter.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.SQLExceptionOverride;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import dev.connect.oauth.application.port.out.StoreUnavailableException;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;

/**
 * The HikariCP pool with bounded waits everywhere, so that a database that is down or silent
 * turns into a failure within seconds: callers wait at most {@code connectionTimeout} for a
 * connection, a connection is tested within {@code validationTimeout}, and the MySQL driver gives
 * up a TCP connect after {@code connectionTimeout} and a silent socket after {@code socketTimeout}.
 * Broken connections are dropped and new ones opened as needed, so the pool recovers by itself
 * once the database is back. The pool's meters (connections active, idle, pending, acquire and
 * usage times, timeouts) go to the registry it is given.
 *
 * <p>A connection error also retires every other connection of the pool (those in use when they
 * come back): with a multi-host URL the next connections go to a host that answers, instead of
 * each old connection to a dead host failing on its own, one request at a time.
 *
 * <p>On a Galera cluster (detected at start by {@code wsrep_on}; MySQL 8 has no such variable)
 * every connection sets {@code wsrep_sync_wait = 1}: a read waits until the node has applied every
 * write the cluster committed before it, so a token issued through one node is found at once
 * through any other. Writes need no wait: a conditional write on a stale row fails certification
 * and is run again (see {@link JooqDatabase}).
 */
final class ConnectionPool {
    private static final Duration MAX_VALIDATION_TIMEOUT = Duration.ofSeconds(1);
    /** Causal reads: SELECTs (and the start of transactions) wait for the cluster's earlier commits. */
    static final String CAUSAL_READS = "SET SESSION wsrep_sync_wait = 1";

    private ConnectionPool() {
    }

    /** Opens the pool and one connection, failing at once when the database cannot be reached. */
    static HikariDataSource open(DatabaseSettings settings, MeterRegistry meters) {
        HikariConfig config = new HikariConfig();
        config.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(meters));
        config.setPoolName("connect-db");
        config.setJdbcUrl(settings.jdbcUrl());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(settings.maxPoolSize());
        config.setConnectionTimeout(settings.connectionTimeout().toMillis());
        // Hikari requires the validation timeout to be below the connection timeout.
        config.setValidationTimeout(Math.min(MAX_VALIDATION_TIMEOUT.toMillis(), settings.connectionTimeout().toMillis() / 2));
        config.setInitializationFailTimeout(settings.connectionTimeout().toMillis());
        // Every write is a single conditional statement or a short transaction: committed reads
        // are all it needs, and they spare MySQL the gap locks of REPEATABLE READ.
        config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        EvictBrokenConnections evictions = new EvictBrokenConnections();
        config.setExceptionOverride(evictions);
        if (settings.isMySql()) {
            config.addDataSourceProperty("connectTimeout", String.valueOf(settings.connectionTimeout().toMillis()));
            config.addDataSourceProperty("socketTimeout", String.valueOf(settings.socketTimeout().toMillis()));
            config.addDataSourceProperty("tcpKeepAlive", "true");
            config.addDataSourceProperty("cachePrepStmts", "true");
            config.addDataSourceProperty("prepStmtCacheSize", "250");
            config.addDataSourceProperty("prepStmtCacheSqlLimit", "2048");
            if (isGalera(settings)) {
                // No multi-statements: a write replicated from another node can abort this node's
                // transaction while a multi-statement runs (a brute-force abort), and MariaDB then
                // runs the rest of it outside the transaction, each statement committed on its own.
                // Sent one by one, the statement after such an abort fails with a deadlock instead,
                // which the conflict retry handles.
                config.setConnectionInitSql(CAUSAL_READS);
            } else {
                // The group commit sends the conditions of a batch as one JDBC batch: with both, the
                // driver sends it as one multi-statement, one round trip (without the second, it turns
                // multi-statements on and off around it: two more). Every statement is jOOQ's, its
                // values bound or escaped by it, so no caller's text can add a statement.
                config.addDataSourceProperty("rewriteBatchedStatements", "true");
                config.addDataSourceProperty("allowMultiQueries", "true");
            }
        }
        HikariDataSource pool = new HikariDataSource(config);
        evictions.pool = pool;
        return pool;
    }

    /**
     * Whether the database is a Galera node, asked on a connection of its own before the pool
     * exists (Hikari takes its init SQL only before it starts).
     */
    static boolean isGalera(DatabaseSettings settings) {
        Properties properties = new Properties();
        properties.setProperty("user", settings.user());
        properties.setProperty("password", settings.password());
        properties.setProperty("connectTimeout", String.valueOf(settings.connectionTimeout().toMillis()));
        properties.setProperty("socketTimeout", String.valueOf(settings.socketTimeout().toMillis()));
        try (Connection connection = DriverManager.getConnection(settings.jdbcUrl(), properties);
             Statement statement = connection.createStatement();
             ResultSet wsrep = statement.executeQuery("SHOW VARIABLES LIKE 'wsrep_on'")) {
            return wsrep.next() && "ON".equalsIgnoreCase(wsrep.getString(2));
        } catch (SQLException e) {
            throw new StoreUnavailableException("The database is unavailable", e);
        }
    }

    /**
     * Hikari drops a connection after an error only for the SQLSTATEs it knows (class 08 and a few
     * more); H2 reports a broken network connection with codes of its own (90067, 90121). Without
     * this, such a connection would go back to the pool and fail every call made on it, and a busy
     * node would never recover.
     */
    private static final class EvictBrokenConnections implements SQLExceptionOverride {
        /** Set once the pool exists; a failure cannot happen before. */
        private volatile HikariDataSource pool;

        @java.lang.Override
        public SQLExceptionOverride.Override adjudicate(SQLException failure) {
            if (!StoreFailures.isUnavailable(failure)) {
                return SQLExceptionOverride.Override.CONTINUE_EVICT;
            }
            HikariDataSource current = pool;
            if (current != null && current.getHikariPoolMXBean() != null) {
                current.getHikariPoolMXBean().softEvictConnections();
            }
            return SQLExceptionOverride.Override.MUST_EVICT;
        }
    }
}
