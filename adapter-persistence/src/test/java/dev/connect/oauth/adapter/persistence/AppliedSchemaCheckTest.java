package dev.connect.oauth.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.flywaydb.core.Flyway;
import org.jooq.CloseableDSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The start-up fast path on a migrated schema, and every case that must still go through Flyway. */
class AppliedSchemaCheckTest {
    private final H2TestDatabase database = new H2TestDatabase();

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    @Test
    void isAppliedWhenNewDatabaseThenFalse() {
        try (CloseableDSLContext dsl = dsl()) {
            assertThat(AppliedSchemaCheck.isApplied(dsl)).isFalse();
        }
    }

    @Test
    void isAppliedWhenEveryBundledMigrationAppliedThenTrue() {
        PersistenceAdapter.open(database.settings()).close();

        try (CloseableDSLContext dsl = dsl()) {
            assertThat(AppliedSchemaCheck.isApplied(dsl)).isTrue();
        }
    }

    @Test
    void isAppliedWhenBuildBringsAVersionTheHistoryLacksThenFalse() {
        PersistenceAdapter.open(database.settings()).close();

        try (CloseableDSLContext dsl = dsl()) {
            Set<String> withNewMigration = new HashSet<>(bundled());
            withNewMigration.add("9999");
            assertThat(AppliedSchemaCheck.isApplied(dsl, withNewMigration)).isFalse();
        }
    }

    @Test
    void isAppliedWhenHistoryHoldsAFailedRowThenFalse() throws SQLException {
        PersistenceAdapter.open(database.settings()).close();
        execute("UPDATE flyway_schema_history SET success = FALSE WHERE version = '1'");

        try (CloseableDSLContext dsl = dsl()) {
            assertThat(AppliedSchemaCheck.isApplied(dsl)).isFalse();
        }
    }

    @Test
    void isAppliedWhenHistoryHoldsNewerVersionsOfAnotherBuildThenTrue() throws SQLException {
        PersistenceAdapter.open(database.settings()).close();
        execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum, "
                + "installed_by, execution_time, success) VALUES (1000, '9999', 'later', 'SQL', 'V9999__later.sql', 0, "
                + "'another node', 0, TRUE)");

        try (CloseableDSLContext dsl = dsl()) {
            assertThat(AppliedSchemaCheck.isApplied(dsl)).isTrue();
        }
    }

    @Test
    void openWhenLatestMigrationPendingThenFlywayAppliesIt() {
        // As a database last migrated by the previous release: every bundled migration but the latest.
        List<String> versions = bundled().stream().sorted(Comparator.comparing(BigDecimal::new)).toList();
        Flyway.configure().dataSource(database.settings().jdbcUrl(), database.settings().user(),
                database.settings().password()).locations(SchemaMigrations.LOCATION)
                .target(versions.get(versions.size() - 2)).load().migrate();

        try (PersistenceAdapter reopened = PersistenceAdapter.open(database.settings())) {
            assertThat(reopened.schemaMigration().applied()).isEqualTo(1);
        }
        try (PersistenceAdapter again = PersistenceAdapter.open(database.settings())) {
            assertThat(again.schemaMigration()).isEqualTo(SchemaMigration.CURRENT);
        }
    }

    @Test
    void bundledVersionsWhenReadFromTheClasspathThenEveryVersionedFile() {
        assertThat(bundled()).contains("1", "4", "5", "6", "8");
    }

    /**
     * The server runs from one fat jar, a multi-release one, whose class loader names the folder
     * with a trailing slash.
     */
    @Test
    void bundledVersionsWhenReadFromAMultiReleaseJarThenEveryVersionedFile(@TempDir Path folder) throws Exception {
        Path jar = folder.resolve("migrations.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MULTI_RELEASE, "true");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            for (String entry : List.of("db/", "db/migration/", "db/migration/V1__schema.sql", "db/migration/V2_1__more.sql")) {
                out.putNextEntry(new JarEntry(entry));
                out.closeEntry();
            }
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            assertThat(AppliedSchemaCheck.bundledVersions(loader)).contains(Set.of("1", "2.1"));
        }
    }

    @Test
    void versionsOfWhenAFileIsNotAVersionedMigrationThenEmpty() {
        assertThat(AppliedSchemaCheck.versionsOf(List.of("V1__schema.sql", "R__views.sql"))).isEmpty();
        assertThat(AppliedSchemaCheck.versionsOf(List.of("V1__schema.sql", "sub/"))).isEmpty();
        assertThat(AppliedSchemaCheck.versionsOf(List.of())).isEmpty();
    }

    @Test
    void normalisedWhenVersionsWrittenDifferentlyThenFlywaysEquality() {
        assertThat(AppliedSchemaCheck.normalised("1.0")).contains("1");
        assertThat(AppliedSchemaCheck.normalised("01_2")).contains("1.2");
        assertThat(AppliedSchemaCheck.normalised("0")).contains("0");
        assertThat(AppliedSchemaCheck.normalised("1.a")).isEmpty();
        assertThat(AppliedSchemaCheck.normalised("")).isEmpty();
    }

    private Set<String> bundled() {
        Optional<Set<String>> versions = AppliedSchemaCheck.bundledVersions(getClass().getClassLoader());
        assertThat(versions).isPresent();
        return versions.orElseThrow();
    }

    private CloseableDSLContext dsl() {
        DatabaseSettings settings = database.settings();
        return DSL.using(settings.jdbcUrl(), settings.user(), settings.password());
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = connection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private Connection connection() throws SQLException {
        DatabaseSettings settings = database.settings();
        return DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
    }
}
