package dev.connect.oauth.adapter.persistence;

import java.lang.System.Logger.Level;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Brings the schema up to date with the Flyway scripts in {@code db/migration}, the one source of
 * the schema (the jOOQ classes are generated from the same files), on every start and from any
 * number of nodes starting at once: exactly one node migrates, the others wait and then start.
 *
 * <p>First, on every database, the fast path of a restart: when Flyway's history already records
 * every migration of this build as applied and none as failed ({@link AppliedSchemaCheck}, one
 * query), the start goes on without loading Flyway at all. Otherwise, on MySQL and MariaDB, alone
 * or as a Galera cluster:
 * <ol>
 *   <li>A schema that is already current (Flyway validates it: every migration applied, none
 *       failed, checksums matching) needs no lock.</li>
 *   <li>Otherwise the node takes the {@link MigrationLease}, or waits while another node holds
 *       it, polling four times a second. When the lease is released it checks the
 *       schema again: current, it starts; not (the holder failed), it takes the lease itself. A
 *       holder that died is taken over once its lease expires (30 s after its last renewal).
 *       After {@link DatabaseSettings#migrationWait()} the waiting node gives up with an error
 *       naming the holder.</li>
 *   <li>The holder first clears what a cut migration left ({@link HalfAppliedMigration}), then
 *       runs Flyway's {@code migrate}, then releases the lease. On a new database Flyway's
 *       history starts with an empty baseline at version 0 (see {@link #migrator()}).</li>
 * </ol>
 * Flyway's own lock is left as it is: it is MySQL's {@code GET_LOCK}, per server, so on Galera it
 * does not keep two nodes apart (the failures of issue 7: "Table 'accounts' already exists",
 * deadlocks at commit, failed history rows). Under the lease only one node runs Flyway, so that
 * lock is never contended and its retry settings ({@code lockRetryCount}) need no tuning.
 *
 * <p>The embedded H2 database belongs to one process, so it migrates directly, as before.
 * Flyway records in its history ({@code installed_by}) which node applied each migration.
 */
final class SchemaMigrations {
    static final String LOCATION = "classpath:" + AppliedSchemaCheck.LOCATION;
    private static final System.Logger LOG = System.getLogger(SchemaMigrations.class.getName());
    private static final long LEASE_TERM_SECONDS = 30;
    private static final long POLL_MILLIS = 250;
    private static final int MAX_NODE_NAME = 80;

    private final Flyway flyway;
    private final DSLContext dsl;
    private final MigrationLease lease;
    private final HalfAppliedMigration leftovers;
    private final Duration maxWait;
    private final String node;

    private SchemaMigrations(Flyway flyway, DSLContext dsl, Duration maxWait, String node) {
        this.flyway = flyway;
        this.dsl = dsl;
        this.lease = new MigrationLease(dsl, node, Clock.systemUTC(), Duration.ofSeconds(LEASE_TERM_SECONDS));
        // Dropping leftovers is DDL, which can outlast the pool's socket timeout (on Galera it waits
        // for the whole cluster): it goes through Flyway's connections, as the migration does.
        this.leftovers = new HalfAppliedMigration(flyway, DSL.using(flyway.getConfiguration().getDataSource(),
                dsl.dialect(), dsl.settings()));
        this.maxWait = maxWait;
        this.node = node;
    }

    /**
     * Migrates over connections of Flyway's own, without the pool's socket timeout, which is sized
     * for the adapter's single-row statements and not for a migration that rebuilds a large
     * table, and so does the clearing of a cut migration's leftovers; the lease goes through
     * {@code dsl}, the pool's.
     */
    static SchemaMigration migrate(DatabaseSettings settings, DSLContext dsl) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(dsl, "dsl");
        if (AppliedSchemaCheck.isApplied(dsl)) {
            return SchemaMigration.CURRENT;
        }
        String node = nodeName();
        Flyway flyway = Flyway.configure()
                .dataSource(settings.jdbcUrl(), settings.user(), settings.password())
                .locations(LOCATION)
                .failOnMissingLocations(true)
                .installedBy(node)
                .load();
        if (!settings.isMySql()) {
            return new SchemaMigration(flyway.migrate().migrationsExecuted, false, Duration.ZERO);
        }
        if (isCurrent(flyway)) {
            return SchemaMigration.CURRENT;
        }
        return new SchemaMigrations(flyway, dsl, settings.migrationWait(), node).migrateOrWait();
    }

    private SchemaMigration migrateOrWait() {
        lease.createTable();
        long start = System.nanoTime();
        Optional<String> awaited = Optional.empty();
        for (boolean first = true; ; first = false) {
            Duration waited = Duration.ofNanos(System.nanoTime() - start);
            Optional<MigrationLease.Holder> holder = lease.holder();
            // The fast path just found the schema behind; after a holder let go it may be current.
            if (holder.isEmpty() && !first && isCurrent(flyway)) {
                LOG.log(Level.INFO, "Schema migrated by node {0}; waited {1} ms", awaited.orElse("(another)"),
                        Long.toString(waited.toMillis()));
                return new SchemaMigration(0, false, waited);
            }
            if (lease.isFree(holder) && lease.tryAcquire()) {
                return lease.holding(() -> migrateHolding(waited));
            }
            if (waited.compareTo(maxWait) >= 0) {
                throw new IllegalStateException("Gave up waiting for the schema migration after " + maxWait.toSeconds()
                        + " s: " + holder.map(h -> "node " + h.owner() + " holds the migration lease until "
                        + h.expiresAt()).orElse("the schema is still not current"));
            }
            Optional<String> owner = holder.map(MigrationLease.Holder::owner);
            if (owner.isPresent() && !owner.equals(awaited)) {
                LOG.log(Level.INFO, "Waiting while node {0} migrates the schema", owner.get());
                awaited = owner;
            }
            pause();
        }
    }

    private SchemaMigration migrateHolding(Duration waited) {
        boolean recovered = leftovers.clear();
        int applied = migrator().migrate().migrationsExecuted;
        LOG.log(Level.INFO, "Schema migration: {0} migration(s) applied by this node ({1})", applied, node);
        return new SchemaMigration(applied, recovered, waited);
    }

    /**
     * Flyway, or on a new database a Flyway that first records an empty baseline (version 0, below
     * every migration). Flyway refuses to start the history of a schema that holds any table, and
     * the lease table is there before the history table; a baseline at 0 changes nothing else,
     * since every migration is above it. A schema holding anything but the lease table goes to
     * plain Flyway, which refuses it as before.
     */
    private Flyway migrator() {
        List<String> tables = HalfAppliedMigration.tablesOf(dsl);
        if (tables.size() != 1 || !tables.getFirst().equalsIgnoreCase(MigrationLease.TABLE)) {
            return flyway;
        }
        return Flyway.configure().configuration(flyway.getConfiguration())
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .baselineDescription("empty schema")
                .load();
    }

    /** Every migration applied and none failed, with matching checksums: nothing to do. */
    private static boolean isCurrent(Flyway flyway) {
        return flyway.validateWithResult().validationSuccessful;
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the schema migration", e);
        }
    }

    /** {@code pid@host} and a random tag, so that nodes in one process (tests) are told apart too. */
    private static String nodeName() {
        String process = ManagementFactory.getRuntimeMXBean().getName();
        String tag = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        return process.substring(0, Math.min(process.length(), MAX_NODE_NAME)) + "#" + tag;
    }
}
