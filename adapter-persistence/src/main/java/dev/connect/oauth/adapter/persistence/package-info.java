/**
 * The persistence adapter: every store out-port of the application implemented with jOOQ on
 * MySQL 8 / MariaDB 10.11+ (through mysql-connector-j) or on an embedded H2 database in MySQL
 * mode, with HikariCP pooling and Flyway migrations as the one source of the schema.
 *
 * <p>{@link dev.connect.oauth.adapter.persistence.PersistenceAdapter} is the one public entry:
 * {@code PersistenceAdapter.open(DatabaseSettings)} migrates the schema (one node at a time when
 * many start at once, also across Galera nodes: see {@code SchemaMigrations}), opens the pool and
 * hands out the ports; {@code open(DatabaseSettings, PersistenceTelemetry)} also puts the pool's
 * meters in a Micrometer registry and traces each statement as an OpenTelemetry client span.
 * Everything else is package-private: a {@code Jooq*} class per port and a small mapper per table
 * beside it.
 *
 * <p>Single use and rotation are conditional updates ({@code UPDATE ... WHERE redeemed_at IS
 * NULL}, one row or none), so they hold across every node sharing the database. Revoking a grant
 * is one update of its row; code and token lookups join it. Only SHA-256 hashes of codes, tokens,
 * client secrets, API keys and session cookies are stored. A database that is down or does not
 * answer surfaces as {@link dev.connect.oauth.application.port.out.StoreUnavailableException}
 * within the configured timeouts, and the pool reconnects by itself once it is back.
 */
package dev.connect.oauth.adapter.persistence;
