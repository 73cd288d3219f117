package dev.connect.oauth.adapter.persistence;

import dev.connect.oauth.adapter.persistence.jooq.DefaultSchema;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.tools.jdbc.JDBCUtils;

/** Raw access to a test database's tables, past the ports. */
final class TestTables {
    private TestTables() {
    }

    /** Deletes every row of every table of the schema, the referencing tables before those they reference. */
    static void deleteAllRows(DatabaseSettings settings) {
        try (Connection connection = connect(settings)) {
            DSLContext ctx = DSL.using(connection, JDBCUtils.dialect(connection));
            for (Table<?> table : referencingFirst()) {
                ctx.deleteFrom(table).execute();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not empty the test database", e);
        }
    }

    static Connection connect(DatabaseSettings settings) throws SQLException {
        return DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
    }

    private static List<Table<?>> referencingFirst() {
        List<Table<?>> remaining = new ArrayList<>(DefaultSchema.DEFAULT_SCHEMA.getTables());
        List<Table<?>> ordered = new ArrayList<>();
        while (!remaining.isEmpty()) {
            Table<?> next = remaining.stream()
                    .filter(table -> remaining.stream().noneMatch(other -> other != table
                            && other.getReferences().stream().anyMatch(key -> key.getKey().getTable().equals(table))))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("Foreign keys form a cycle: " + remaining));
            ordered.add(next);
            remaining.remove(next);
        }
        return ordered;
    }
}
