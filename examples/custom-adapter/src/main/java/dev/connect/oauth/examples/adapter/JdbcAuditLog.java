package dev.connect.oauth.examples.adapter;

import dev.connect.oauth.application.port.out.AuditEvent;
import dev.connect.oauth.application.port.out.AuditEventType;
import dev.connect.oauth.application.port.out.AuditLog;
import dev.connect.oauth.application.port.out.StoreUnavailableException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Example (c): a team's own adapter of one out-port, the {@link AuditLog}, over a table of the team's database
 * reached through plain JDBC. Each append is one {@code INSERT}, atomic on its own as the port promises; the
 * order of appends is the table's identity column, so "newest first" needs no clock. Database faults surface as
 * {@link StoreUnavailableException}, which the server answers 503 like any store outage.
 */
public final class JdbcAuditLog implements AuditLog {
    private static final String TABLE = "team_audit_events";

    private final DataSource database;

    private JdbcAuditLog(DataSource database) {
        this.database = database;
    }

    /** The audit log in {@code database}, creating its table when missing. */
    public static JdbcAuditLog create(DataSource database) {
        JdbcAuditLog log = new JdbcAuditLog(Objects.requireNonNull(database, "database"));
        log.run(connection -> {
            try (Statement ddl = connection.createStatement()) {
                ddl.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (seq BIGINT AUTO_INCREMENT PRIMARY KEY, "
                        + "type VARCHAR(100) NOT NULL, account_id VARCHAR(64), client_id VARCHAR(64), "
                        + "detail VARCHAR(1000) NOT NULL, at_millis BIGINT NOT NULL)");
            }
            return null;
        });
        return log;
    }

    @Override
    public void record(AuditEvent event) {
        Objects.requireNonNull(event, "event");
        run(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + TABLE
                    + " (type, account_id, client_id, detail, at_millis) VALUES (?, ?, ?, ?, ?)")) {
                insert.setString(1, event.type().wireName());
                insert.setString(2, event.accountId().orElse(null));
                insert.setString(3, event.clientId().orElse(null));
                insert.setString(4, event.detail());
                insert.setLong(5, event.at().toEpochMilli());
                return insert.executeUpdate();
            }
        });
    }

    @Override
    public List<AuditEvent> recent(int limit) {
        return run(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT type, account_id, client_id, detail, "
                    + "at_millis FROM " + TABLE + " ORDER BY seq DESC LIMIT ?")) {
                select.setInt(1, limit);
                List<AuditEvent> events = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        events.add(new AuditEvent(type(rows.getString(1)), Optional.ofNullable(rows.getString(2)),
                                Optional.ofNullable(rows.getString(3)), rows.getString(4),
                                Instant.ofEpochMilli(rows.getLong(5))));
                    }
                }
                return events;
            }
        });
    }

    /** One unit of work on one connection of the pool. */
    @FunctionalInterface
    private interface Work<T> {
        T on(Connection connection) throws SQLException;
    }

    private <T> T run(Work<T> work) {
        try (Connection connection = database.getConnection()) {
            return work.on(connection);
        } catch (SQLException e) {
            throw new StoreUnavailableException("The audit database did not answer: " + e.getSQLState(), e);
        }
    }

    /** A type this version does not know was written by a newer one: refused rather than mislabelled. */
    private static AuditEventType type(String stored) {
        return AuditEventType.parse(stored)
                .orElseThrow(() -> new IllegalStateException("Unknown audit event type in " + TABLE + ": " + stored));
    }
}
