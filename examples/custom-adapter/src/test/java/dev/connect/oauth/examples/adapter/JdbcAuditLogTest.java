package dev.connect.oauth.examples.adapter;

import dev.connect.oauth.adapter.memory.InMemoryPorts;
import dev.connect.oauth.application.port.out.AuditLog;
import dev.connect.oauth.application.port.out.StorePorts;
import dev.connect.oauth.testkit.contract.AuditLogContract;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The published contract of {@link AuditLog}, run against the team's adapter: every other port of the store
 * comes from adapter-memory, and each test gets a fresh, empty database.
 */
class JdbcAuditLogTest extends AuditLogContract {
    private final JdbcDataSource database = new JdbcDataSource();

    @Override
    protected StorePorts openStore() {
        database.setURL("jdbc:h2:mem:audit-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return InMemoryPorts.create().with(AuditLog.class, JdbcAuditLog.create(database));
    }

    @Override
    protected void closeStore() throws SQLException {
        try (Connection connection = database.getConnection(); Statement shutdown = connection.createStatement()) {
            shutdown.execute("SHUTDOWN");
        }
    }
}
