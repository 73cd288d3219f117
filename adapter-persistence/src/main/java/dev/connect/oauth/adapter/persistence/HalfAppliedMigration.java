package dev.connect.oauth.adapter.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Clears what a cut migration left on MySQL, so that it runs again from its first statement.
 *
 * <p>MySQL commits every DDL statement on its own, so a migration cut halfway (its node killed,
 * or, before the {@link MigrationLease}, two Galera nodes migrating at once) leaves some of its
 * tables created, and either a failed row in Flyway's history (when Flyway saw the failure) or no
 * row at all (when the process died). Run again as it is, the migration stops at its first
 * {@code CREATE TABLE} with "Table ... already exists", on every start. Two steps make it run
 * again, taken only by the holder of the migration lease:
 * <ol>
 *   <li>The failed history rows of this server's migrations are deleted. This is what Flyway's
 *       {@code repair()} does for them, without its other effect: {@code repair()} also realigns
 *       the recorded checksums of applied migrations with the local scripts, which would silently
 *       accept an edited migration that validation must keep refusing.</li>
 *   <li>Of the first pending migration's script, the tables its plain {@code CREATE TABLE}
 *       statements create that exist already are its own leftovers: no migration recorded as
 *       applied created them, and no node served on them, since nodes serve only once the
 *       schema is current. They are dropped, newest first (so foreign keys never block), but only
 *       when all of them are empty; a leftover holding rows means the history is wrong, and the
 *       start stops with that, dropping nothing. Indexes its plain {@code CREATE INDEX}
 *       statements add to older tables are dropped too (no data lives in an index).</li>
 * </ol>
 * V1 creates tables and indexes only, so this recovers it from a cut at any statement without
 * changing it (its checksum is recorded by every existing database). A later migration that alters
 * existing tables is recovered only if its statements can run twice: write them with
 * {@code IF NOT EXISTS} / {@code IF EXISTS} (which MariaDB accepts on {@code ADD COLUMN} and
 * {@code CREATE INDEX}), which this class then leaves alone.
 */
final class HalfAppliedMigration {
    private static final System.Logger LOG = System.getLogger(HalfAppliedMigration.class.getName());
    private static final String SCRIPTS = "db/migration/";
    private static final Pattern LINE_COMMENT = Pattern.compile("--[^\\n]*");
    private static final Pattern CREATE_TABLE = Pattern.compile(
            "(?i)\\bCREATE\\s+TABLE\\s+(IF\\s+NOT\\s+EXISTS\\s+)?`?(\\w+)`?");
    private static final Pattern CREATE_INDEX = Pattern.compile(
            "(?i)\\bCREATE\\s+(?:UNIQUE\\s+)?INDEX\\s+(IF\\s+NOT\\s+EXISTS\\s+)?`?(\\w+)`?\\s+ON\\s+`?(\\w+)`?");

    private final Flyway flyway;
    private final DSLContext dsl;

    HalfAppliedMigration(Flyway flyway, DSLContext dsl) {
        this.flyway = Objects.requireNonNull(flyway, "flyway");
        this.dsl = Objects.requireNonNull(dsl, "dsl");
    }

    /**
     * Clears the leftovers of a cut migration, if any.
     *
     * @return whether anything was cleared
     * @throws IllegalStateException when a leftover table holds rows (nothing is changed then)
     */
    boolean clear() {
        boolean deleted = deleteFailedRows();
        MigrationInfo[] pending = flyway.info().pending();
        boolean dropped = pending.length > 0 && dropLeftoversOf(pending[0]);
        return deleted || dropped;
    }

    private boolean deleteFailedRows() {
        List<Integer> failed = Arrays.stream(flyway.info().all())
                .filter(migration -> migration.getState() == MigrationState.FAILED)
                .map(MigrationInfo::getInstalledRank)
                .toList();
        if (failed.isEmpty()) {
            return false;
        }
        dsl.deleteFrom(DSL.table(DSL.name(flyway.getConfiguration().getTable())))
                .where(DSL.field(DSL.name("installed_rank"), Integer.class).in(failed))
                .execute();
        LOG.log(Level.WARNING, "Deleted {0} failed row(s) of the schema history, left by a cut migration", failed.size());
        return true;
    }

    private boolean dropLeftoversOf(MigrationInfo migration) {
        Optional<String> script = script(migration);
        if (script.isEmpty()) {
            return false;
        }
        String sql = LINE_COMMENT.matcher(script.get()).replaceAll("");
        List<String> existing = tablesOf(dsl);
        List<String> tables = new ArrayList<>();
        Matcher table = CREATE_TABLE.matcher(sql);
        while (table.find()) {
            if (table.group(1) == null && contains(existing, table.group(2))) {
                tables.add(table.group(2));
            }
        }
        for (String leftover : tables) {
            if (dsl.fetchExists(DSL.table(DSL.name(leftover)))) {
                throw new IllegalStateException("Migration " + migration.getVersion() + " is not recorded as applied, "
                        + "yet table " + leftover + ", which it creates, holds rows: restore the database or finish "
                        + "the migration by hand (nothing was dropped)");
            }
        }
        boolean dropped = dropIndexes(sql, tables);
        for (String leftover : tables.reversed()) {
            dsl.dropTable(DSL.name(leftover)).execute();
        }
        if (!tables.isEmpty()) {
            LOG.log(Level.WARNING, "Dropped the empty tables {0}, left by a cut run of migration {1}", tables,
                    migration.getVersion());
        }
        return dropped || !tables.isEmpty();
    }

    /** The indexes the script adds to tables it did not create that exist already. */
    private boolean dropIndexes(String sql, List<String> leftoverTables) {
        boolean dropped = false;
        Matcher index = CREATE_INDEX.matcher(sql);
        while (index.find()) {
            String name = index.group(2);
            String table = index.group(3);
            if (index.group(1) == null && !contains(leftoverTables, table) && indexExists(table, name)) {
                dsl.dropIndex(DSL.name(name)).on(DSL.name(table)).execute();
                LOG.log(Level.WARNING, "Dropped index {0} on {1}, left by a cut migration", name, table);
                dropped = true;
            }
        }
        return dropped;
    }

    private boolean indexExists(String table, String index) {
        return dsl.fetchExists(DSL.selectOne().from("information_schema.statistics")
                .where("table_schema = DATABASE() AND table_name = ? AND index_name = ?", table, index));
    }

    /** The tables of the connection's database (MySQL). */
    static List<String> tablesOf(DSLContext dsl) {
        return dsl.fetchValues("SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()")
                .stream().map(String::valueOf).toList();
    }

    private static boolean contains(List<String> names, String name) {
        return names.stream().anyMatch(name::equalsIgnoreCase);
    }

    private static Optional<String> script(MigrationInfo migration) {
        try (InputStream in = HalfAppliedMigration.class.getClassLoader().getResourceAsStream(SCRIPTS
                + migration.getScript())) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read migration " + migration.getScript(), e);
        }
    }
}
