package dev.connect.oauth.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jooq.CloseableDSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

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
    void openWhenLatestMigrationPendingThenFlywayAppliesIt() throws SQLException {
        PersistenceAdapter.open(database.settings()).close();
        // As a database last migrated by the previous release: V5's indexes and history row gone.
        execute("DELETE FROM flyway_schema_history WHERE version = '5'");
        for (String index : List.of("ix_authorization_codes_expires_at", "ix_access_tokens_expires_at",
                "ix_refresh_tokens_expires_at", "ix_refresh_tokens_grant_expires_at", "ix_browser_sessions_expires_at")) {
            execute("DROP INDEX " + index);
        }

        try (PersistenceAdapter reopened = PersistenceAdapter.open(database.settings())) {
            assertThat(reopened.schemaMigration().applied()).isEqualTo(1);
        }
        assertThat(count("SELECT COUNT(*) FROM information_schema.indexes WHERE index_name = 'ix_access_tokens_expires_at'"))
                .isPositive();
        try (PersistenceAdapter again = PersistenceAdapter.open(database.settings())) {
            assertThat(again.schemaMigration()).isEqualTo(SchemaMigration.CURRENT);
        }
    }

    @Test
    void bundledVersionsWhenReadFromTheClasspathThenEveryVersionedFile() {
        assertThat(bundled()).contains("1", "4", "5");
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

    private long count(String sql) throws SQLException {
        try (Connection connection = connection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private Connection connection() throws SQLException {
        DatabaseSettings settings = database.settings();
        return DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
    }
}
