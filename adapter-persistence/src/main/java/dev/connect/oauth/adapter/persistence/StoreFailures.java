package dev.connect.oauth.adapter.persistence;

import dev.connect.oauth.application.port.out.StoreUnavailableException;
import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLTransientConnectionException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Tells a database that cannot be reached or does not answer from every other failure, and turns
 * the first into {@link StoreUnavailableException} (which the HTTP adapter answers with 503). It
 * also tells a conflict the database resolved by rolling the work back (a deadlock, or a Galera
 * certification failure), which {@link JooqDatabase} retries. Other failures, such as a violated
 * constraint, are bugs or outcomes the caller handles, and pass through unchanged.
 */
final class StoreFailures {
    /** SQLSTATE class 08: connection exception (SQL:2016 and every driver used here). */
    private static final String CONNECTION_EXCEPTION_CLASS = "08";
    private static final String UNAVAILABLE = "The database is unavailable";
    /** SQLSTATE 40001: serialization failure, the transaction was rolled back (SQL:2016). */
    private static final String SERIALIZATION_FAILURE = "40001";
    /** MySQL and MariaDB: ER_LOCK_DEADLOCK, "Deadlock found ... try restarting transaction". */
    private static final int MYSQL_DEADLOCK = 1213;

    private StoreFailures() {
    }

    /** {@code failure} as a {@link StoreUnavailableException} when it says the database is out of reach. */
    static RuntimeException translate(RuntimeException failure) {
        if (failure instanceof StoreUnavailableException || !isUnavailable(failure)) {
            return failure;
        }
        return new StoreUnavailableException(UNAVAILABLE, failure);
    }

    /**
     * Whether anything in the cause chain says the database rolled the work back to resolve a
     * conflict, so that running it again is safe: SQLSTATE 40001, or MySQL's error 1213, which
     * Galera also raises when a transaction fails certification against one committed on another
     * node (mysql-connector-j throws both as {@code MySQLTransactionRollbackException}).
     */
    static boolean isConflict(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
            if (cause instanceof SQLTransactionRollbackException) {
                return true;
            }
            if (cause instanceof SQLException sql && (SERIALIZATION_FAILURE.equals(sql.getSQLState())
                    || sql.getErrorCode() == MYSQL_DEADLOCK)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether anything in the cause chain says "no connection": the pool timed out waiting for one
     * (HikariCP throws {@link SQLTransientConnectionException}), the driver lost or could not open
     * its socket (MySQL's {@code CommunicationsException} is a {@link SQLRecoverableException},
     * H2's broken connection a {@link SQLNonTransientConnectionException}), a statement timed out,
     * a driver reported SQLSTATE class 08, or the I/O under it failed: a JDBC batch whose socket was
     * reset mid-way fails as "statement closed" (SQLSTATE S1009), with the reset only further down.
     * The exceptions suppressed along the chain count too: when the pool closes a connection whose
     * sibling broke, the batch on it fails as "statement closed" alone, and only the rollback that
     * followed, suppressed in it, says the connection was lost.
     */
    static boolean isUnavailable(Throwable failure) {
        return isUnavailable(failure, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private static boolean isUnavailable(Throwable failure, Set<Throwable> seen) {
        for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof SQLRecoverableException || cause instanceof SQLTimeoutException
                    || cause instanceof IOException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && sql.getSQLState().startsWith(CONNECTION_EXCEPTION_CLASS)) {
                return true;
            }
            for (Throwable suppressed : cause.getSuppressed()) {
                if (isUnavailable(suppressed, seen)) {
                    return true;
                }
            }
        }
        return false;
    }
}
