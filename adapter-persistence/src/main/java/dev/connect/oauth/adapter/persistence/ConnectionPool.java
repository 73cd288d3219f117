package dev.connect.oauth.adapter.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.SQLExceptionOverride;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.SQLException;
import java.time.Duration;

/**
 * The HikariCP pool with bounded waits everywhere, so that a database that is down or silent
 * turns into a failure within seconds: callers wait at most {@code connectionTimeout} for a
 * connection, a connection is tested within {@code validationTimeout}, and the MySQL driver gives
 * up a TCP connect after {@code connectionTimeout} and a silent socket after {@code socketTimeout}.
 * Broken connections are dropped and new ones opened as needed, so the pool recovers by itself
 * once the database is back. The pool's meters (connections active, idle, pending, acquire and
 * usage times, timeouts) go to the registry it is given.
 */
final class ConnectionPool {
    private static final Duration MAX_VALIDATION_TIMEOUT = Duration.ofSeconds(1);

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
        config.setExceptionOverride(new EvictBrokenConnections());
        if (settings.isMySql()) {
            config.addDataSourceProperty("connectTimeout", String.valueOf(settings.connectionTimeout().toMillis()));
            config.addDataSourceProperty("socketTimeout", String.valueOf(settings.socketTimeout().toMillis()));
            config.addDataSourceProperty("tcpKeepAlive", "true");
            config.addDataSourceProperty("cachePrepStmts", "true");
            config.addDataSourceProperty("prepStmtCacheSize", "250");
            config.addDataSourceProperty("prepStmtCacheSqlLimit", "2048");
        }
        return new HikariDataSource(config);
    }

    /**
     * Hikari drops a connection after an error only for the SQLSTATEs it knows (class 08 and a few
     * more); H2 reports a broken network connection with codes of its own (90067, 90121). Without
     * this, such a connection would go back to the pool and fail every call made on it, and a busy
     * node would never recover.
     */
    private static final class EvictBrokenConnections implements SQLExceptionOverride {
        @java.lang.Override
        public SQLExceptionOverride.Override adjudicate(SQLException failure) {
            return StoreFailures.isUnavailable(failure)
                    ? SQLExceptionOverride.Override.MUST_EVICT
                    : SQLExceptionOverride.Override.CONTINUE_EVICT;
        }
    }
}
