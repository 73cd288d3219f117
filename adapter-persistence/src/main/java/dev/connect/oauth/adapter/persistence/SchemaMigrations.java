package dev.connect.oauth.adapter.persistence;

import org.flywaydb.core.Flyway;

/**
 * Brings the schema up to date with the Flyway scripts in {@code db/migration}, the one source of
 * the schema (the jOOQ classes are generated from the same files). Safe to run on every start and
 * from several nodes at once: Flyway locks its history table while it migrates.
 */
final class SchemaMigrations {
    static final String LOCATION = "classpath:db/migration";

    private SchemaMigrations() {
    }

    /**
     * Migrates over a connection of its own, without the pool's socket timeout, which is sized for
     * the adapter's single-row statements and not for a migration that rebuilds a large table.
     */
    static void migrate(DatabaseSettings settings) {
        Flyway.configure()
                .dataSource(settings.jdbcUrl(), settings.user(), settings.password())
                .locations(LOCATION)
                .failOnMissingLocations(true)
                .load()
                .migrate();
    }
}
