package dev.connect.oauth.adapter.persistence;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.exception.DataAccessException;
import org.jooq.exception.SQLStateClass;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * The lease that lets one node of a fleet migrate the schema while the others wait: one row, keyed
 * by a primary key, in a table of its own outside Flyway's history.
 *
 * <p>Why a row and not a lock function: MySQL's {@code GET_LOCK}, which Flyway takes, belongs to
 * one server, so on a Galera cluster each node's lock is its own and two nodes migrate at once.
 * Rows are replicated. Two nodes inserting the lease at once: on one server the unique key lets
 * one insert through and refuses the other (duplicate key); on Galera each node inserts locally
 * and the second to commit fails certification (a deadlock error at commit, or, when Galera
 * retries the autocommitted insert, a duplicate key). Either failure means "another node holds
 * it". The table is created with {@code CREATE TABLE IF NOT EXISTS}, which Galera runs in total
 * order on every node, so nodes creating it at once all succeed.
 *
 * <p>The row names its owner and an expiry. The holder renews the expiry every third of the term
 * while it works, so a live migration of any length keeps its lease, while a holder that died
 * (killed, its host lost) leaves a row that expires within one term and another node takes over
 * with a conditional update that only one node can win. Expiries are node clock readings, which
 * the nodes already must agree on to a few seconds for token expiry.
 */
final class MigrationLease {
    static final String TABLE = "connect_migration_lease";
    private static final System.Logger LOG = System.getLogger(MigrationLease.class.getName());
    private static final String SCHEMA = "schema";
    private static final Table<?> LEASES = DSL.table(DSL.name(TABLE));
    private static final Field<String> NAME = DSL.field(DSL.name("name"), SQLDataType.VARCHAR(64));
    private static final Field<String> OWNER = DSL.field(DSL.name("owner"), SQLDataType.VARCHAR(100));
    private static final Field<Long> ACQUIRED_AT = DSL.field(DSL.name("acquired_at"), SQLDataType.BIGINT);
    private static final Field<Long> EXPIRES_AT = DSL.field(DSL.name("expires_at"), SQLDataType.BIGINT);

    private final DSLContext dsl;
    private final String owner;
    private final Clock clock;
    private final Duration term;

    /**
     * @param owner names this node in the row (and in errors of the nodes waiting for it)
     * @param term  how long the lease lasts unless renewed: how soon a dead holder's lease is taken over
     */
    MigrationLease(DSLContext dsl, String owner, Clock clock, Duration term) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
        this.owner = Objects.requireNonNull(owner, "owner");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.term = Objects.requireNonNull(term, "term");
    }

    /** The node holding (or last holding) the lease, and until when. */
    record Holder(String owner, Instant expiresAt) {
    }

    /** Creates the lease table unless it exists; InnoDB, the only engine Galera replicates. */
    void createTable() {
        dsl.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (name VARCHAR(64) NOT NULL, owner VARCHAR(100) NOT NULL, "
                + "acquired_at BIGINT NOT NULL, expires_at BIGINT NOT NULL, PRIMARY KEY (name)) ENGINE=InnoDB");
    }

    /** Takes the lease when nobody holds it or its holder's term ran out; false when another node holds it. */
    boolean tryAcquire() {
        long now = clock.millis();
        try {
            dsl.insertInto(LEASES).columns(NAME, OWNER, ACQUIRED_AT, EXPIRES_AT)
                    .values(SCHEMA, owner, now, now + term.toMillis()).execute();
            return true;
        } catch (DataAccessException taken) {
            requireHeldElsewhere(taken);
        }
        try {
            // Only one of several nodes finding the lease expired can move it: the condition fails
            // for the later ones on one server, certification or the renewed expiry on Galera.
            return dsl.update(LEASES).set(OWNER, owner).set(ACQUIRED_AT, now).set(EXPIRES_AT, now + term.toMillis())
                    .where(NAME.eq(SCHEMA), EXPIRES_AT.lt(now)).execute() == 1;
        } catch (DataAccessException taken) {
            requireHeldElsewhere(taken);
            return false;
        }
    }

    /** Who holds the lease, if anyone. */
    Optional<Holder> holder() {
        return dsl.select(OWNER, EXPIRES_AT).from(LEASES).where(NAME.eq(SCHEMA))
                .fetchOptional(row -> new Holder(row.value1(), Instant.ofEpochMilli(row.value2())));
    }

    /** Whether {@code holder}, as read, leaves the lease to be taken: nobody holds it, or its term ran out. */
    boolean isFree(Optional<Holder> holder) {
        return holder.map(held -> held.expiresAt().toEpochMilli() < clock.millis()).orElse(true);
    }

    /**
     * Runs {@code work} while renewing the lease every third of its term, then releases it (also
     * when {@code work} throws), so waiting nodes go on at once.
     */
    <T> T holding(Supplier<T> work) {
        long every = Math.max(1, term.toMillis() / 3);
        ScheduledExecutorService renewal = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform()
                .name("connect-migration-lease").daemon().factory());
        renewal.scheduleWithFixedDelay(this::renew, every, every, TimeUnit.MILLISECONDS);
        T result;
        try {
            result = work.get();
        } catch (RuntimeException failure) {
            renewal.shutdownNow();
            try {
                release();
            } catch (RuntimeException alsoFailed) {
                failure.addSuppressed(alsoFailed);
            }
            throw failure;
        }
        renewal.shutdownNow();
        release();
        return result;
    }

    private void renew() {
        try {
            long now = clock.millis();
            if (dsl.update(LEASES).set(EXPIRES_AT, now + term.toMillis()).where(NAME.eq(SCHEMA), OWNER.eq(owner))
                    .execute() == 0) {
                LOG.log(Level.WARNING, "Lost the schema migration lease (this node stalled past its term and another "
                        + "took it over)");
            }
        } catch (RuntimeException e) {
            // The next renewal tries again; the term is three renewals long.
            LOG.log(Level.WARNING, "Could not renew the schema migration lease: {0}", e.toString());
        }
    }

    private void release() {
        dsl.deleteFrom(LEASES).where(NAME.eq(SCHEMA), OWNER.eq(owner)).execute();
    }

    /**
     * A duplicate key (SQLSTATE 23000) or a transaction rolled back for a conflict (SQLSTATE 40001,
     * MySQL error 1213, how Galera reports a failed certification) mean another node got there
     * first; anything else is a real failure.
     */
    private static void requireHeldElsewhere(DataAccessException failure) {
        SQLStateClass state = failure.sqlStateClass();
        if (state != SQLStateClass.C23_INTEGRITY_CONSTRAINT_VIOLATION && state != SQLStateClass.C40_TRANSACTION_ROLLBACK) {
            throw failure;
        }
    }
}
