package dev.connect.oauth.adapter.persistence;

import dev.connect.oauth.application.port.out.StoreUnavailableException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DefaultConnectionProvider;

/**
 * The one way the repositories reach the database: each port call runs through {@link #query} (one
 * statement or several independent ones, each committed on its own) or {@link #transaction} (all
 * or nothing), and any failure that means "the database is out of reach" leaves as
 * {@link StoreUnavailableException}. The writes of the token endpoint reach it through the
 * {@link GroupCommit}, which runs several callers' writes as one {@link #transaction}.
 *
 * <p><b>Conflicts are retried.</b> A deadlock, or on Galera a certification conflict (SQLSTATE
 * 40001, MySQL error 1213, also raised by {@code COMMIT}), means the database rolled the work back;
 * it is run again, up to {@value #ATTEMPTS} times with a short jittered pause. That is safe because
 * nothing of the attempt remains, and it gives the race's real outcome: every write here is
 * conditional, so the retry of a loser finds the winner's row and loses the ordinary way. A
 * {@link #query} holds at most one write, and it comes before any read, so a conflict there also
 * leaves nothing behind. When the conflicts do not stop, the store counts as unavailable (503 with
 * {@code Retry-After}), never as a server error.
 *
 * <p><b>Transactions on MySQL</b> are opened with {@code START TRANSACTION} and ended with
 * {@code COMMIT} on a connection that stays in autocommit mode, instead of switching autocommit off
 * and on again (jOOQ's default, three round trips). The acknowledgement of the {@code COMMIT} is
 * then the last thing the transaction waits for: a link that stalls right after it cannot turn a
 * committed write into a failure, and one that stalls before it fails within the socket timeout as
 * {@link StoreUnavailableException} (the commit is then ambiguous, which the services' retry grace
 * answers). H2 keeps jOOQ's transactions.
 */
final class JooqDatabase {
    /** How many times a unit of work runs before conflicts count as the store being unavailable. */
    static final int ATTEMPTS = 5;
    private static final Duration BASE_PAUSE = Duration.ofMillis(5);

    private final DSLContext dsl;
    private final boolean explicitTransactions;

    JooqDatabase(DSLContext dsl) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
        this.explicitTransactions = dsl.dialect().family() != SQLDialect.H2;
    }

    <T> T query(Function<DSLContext, T> work) {
        return retryingConflicts(() -> work.apply(dsl));
    }

    void execute(Consumer<DSLContext> work) {
        query(ctx -> {
            work.accept(ctx);
            return null;
        });
    }

    /** Runs {@code work} in one transaction, committed when it returns and rolled back when it throws. */
    <T> T transaction(Function<DSLContext, T> work) {
        if (!explicitTransactions) {
            return retryingConflicts(() -> dsl.transactionResult(configuration -> work.apply(configuration.dsl())));
        }
        return retryingConflicts(() -> dsl.connectionResult(connection -> inTransaction(connection, work)));
    }

    void transactionally(Consumer<DSLContext> work) {
        transaction(ctx -> {
            work.accept(ctx);
            return null;
        });
    }

    private <T> T inTransaction(Connection connection, Function<DSLContext, T> work) throws SQLException {
        run(connection, "START TRANSACTION");
        T result;
        try {
            result = work.apply(dsl.configuration().derive(new DefaultConnectionProvider(connection)).dsl());
        } catch (RuntimeException | Error failure) {
            rollback(connection, failure);
            throw failure;
        }
        run(connection, "COMMIT");
        return result;
    }

    /**
     * Rolls back after a failure. Not on a connection the pool already closed because it broke: the
     * server rolls back what the lost connection left open, and a rollback on a link that stopped
     * answering would only wait for the socket timeout a second time. When the rollback fails too,
     * the connection is broken (the pool drops it on the connection error) and the first failure is
     * the one to report.
     */
    private static void rollback(Connection connection, Throwable failure) {
        try {
            if (!connection.isClosed()) {
                run(connection, "ROLLBACK");
            }
        } catch (SQLException | RuntimeException rollbackFailure) {
            failure.addSuppressed(rollbackFailure);
        }
    }

    private static void run(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static <T> T retryingConflicts(Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return work.get();
            } catch (RuntimeException failure) {
                if (!StoreFailures.isConflict(failure)) {
                    throw StoreFailures.translate(failure);
                }
                if (attempt == ATTEMPTS) {
                    throw new StoreUnavailableException("The database kept aborting the work as a conflict", failure);
                }
                pause(attempt);
            }
        }
    }

    /** A pause growing with the attempt, jittered so that the racers that conflicted do not meet again. */
    private static void pause(int attempt) {
        long bound = BASE_PAUSE.toNanos() << attempt;
        try {
            Thread.sleep(Duration.ofNanos(ThreadLocalRandom.current().nextLong(bound / 2, bound)));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("Interrupted while waiting to retry a conflicting write", interrupted);
        }
    }
}
