package dev.connect.oauth.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connect.oauth.application.port.out.StoreUnavailableException;
import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransactionRollbackException;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.Test;

class StoreFailuresTest {
    private static RuntimeException wrapped(SQLException cause) {
        return new DataAccessException("SQL [update refresh_tokens ...]", cause);
    }

    @Test
    void isConflictWhenMySqlDeadlockThenTrue() {
        SQLException deadlock = new SQLException("Deadlock found when trying to get lock; try restarting transaction",
                "40001", 1213);

        assertThat(StoreFailures.isConflict(wrapped(deadlock))).isTrue();
    }

    @Test
    void isConflictWhenErrorCode1213WithAnotherStateThenTrue() {
        assertThat(StoreFailures.isConflict(wrapped(new SQLException("Deadlock found", "HY000", 1213)))).isTrue();
    }

    @Test
    void isConflictWhenTransactionRollbackExceptionThenTrue() {
        // mysql-connector-j's MySQLTransactionRollbackException, also thrown by COMMIT on Galera.
        SQLException atCommit = new SQLTransactionRollbackException("Deadlock found", "40001", 1213);

        assertThat(StoreFailures.isConflict(new RuntimeException(wrapped(atCommit)))).isTrue();
    }

    @Test
    void isConflictWhenSerializationFailureStateThenTrue() {
        assertThat(StoreFailures.isConflict(wrapped(new SQLException("Deadlock detected", "40001", 40001)))).isTrue();
    }

    @Test
    void isConflictWhenDuplicateKeyOrConnectionLostThenFalse() {
        SQLException duplicate = new SQLIntegrityConstraintViolationException("Duplicate entry", "23000", 1062);
        SQLException lost = new SQLNonTransientConnectionException("Communications link failure", "08S01");

        assertThat(StoreFailures.isConflict(wrapped(duplicate))).isFalse();
        assertThat(StoreFailures.isConflict(wrapped(lost))).isFalse();
        assertThat(StoreFailures.isConflict(new IllegalStateException("no SQL at all"))).isFalse();
    }

    @Test
    void translateWhenConflictThenPassesItThrough() {
        RuntimeException conflict = wrapped(new SQLException("Deadlock found", "40001", 1213));

        assertThat(StoreFailures.translate(conflict)).isSameAs(conflict);
    }

    @Test
    void translateWhenConnectionLostThenStoreUnavailable() {
        RuntimeException lost = wrapped(new SQLNonTransientConnectionException("Communications link failure", "08S01"));

        assertThat(StoreFailures.translate(lost)).isInstanceOf(StoreUnavailableException.class).hasCause(lost);
    }

    /** As mysql-connector-j reports a JDBC batch whose socket was reset between two of its statements. */
    @Test
    void translateWhenTheSocketFailedUnderAClosedStatementThenStoreUnavailable() {
        RuntimeException closed = wrapped(new SQLException("No operations allowed after statement closed.", "S1009",
                new IllegalStateException("statement closed", new SocketException("Connection reset"))));

        assertThat(StoreFailures.translate(closed)).isInstanceOf(StoreUnavailableException.class).hasCause(closed);
        assertThat(StoreFailures.translate(wrapped(new SQLException("No operations allowed after statement closed.", "S1009"))))
                .as("without I/O below it").isNotInstanceOf(StoreUnavailableException.class);
    }

    /**
     * As GaleraNodeLossIT saw it: the pool closed the batch's connection because a sibling broke;
     * the batch says "statement closed" alone, the rollback suppressed in it that the connection is gone.
     */
    @Test
    void translateWhenARollbackSuppressedInTheFailureLostTheConnectionThenStoreUnavailable() {
        SQLException closed = new SQLException("No operations allowed after statement closed.", "S1009");
        closed.addSuppressed(new SQLNonTransientConnectionException("No operations allowed after connection closed.",
                "08003"));
        RuntimeException failure = wrapped(closed);

        assertThat(StoreFailures.translate(failure)).isInstanceOf(StoreUnavailableException.class).hasCause(failure);
    }
}
