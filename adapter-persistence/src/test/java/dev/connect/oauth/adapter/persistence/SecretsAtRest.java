package dev.connect.oauth.adapter.persistence;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Reads every text value of every table of a test database straight through JDBC, past the adapter. */
final class SecretsAtRest {
    private static final Set<Integer> TEXT_TYPES = Set.of(Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.CLOB,
            Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR, Types.NCLOB);

    private SecretsAtRest() {
    }

    /** Every non-null value of every character column, found through the JDBC metadata. */
    static List<String> everyStoredText(DatabaseSettings settings) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = TestTables.connect(settings); Statement statement = connection.createStatement()) {
            DatabaseMetaData meta = connection.getMetaData();
            List<String[]> columns = new ArrayList<>();
            try (ResultSet tables = meta.getTables(connection.getCatalog(), connection.getSchema(), "%",
                    new String[] {"TABLE"})) {
                while (tables.next()) {
                    String table = tables.getString("TABLE_NAME");
                    try (ResultSet column = meta.getColumns(connection.getCatalog(), connection.getSchema(), table, "%")) {
                        while (column.next()) {
                            if (TEXT_TYPES.contains(column.getInt("DATA_TYPE"))) {
                                columns.add(new String[] {table, column.getString("COLUMN_NAME")});
                            }
                        }
                    }
                }
            }
            for (String[] column : columns) {
                try (ResultSet rows = statement.executeQuery("SELECT " + column[1] + " FROM " + column[0])) {
                    while (rows.next()) {
                        if (rows.getString(1) != null) {
                            values.add(rows.getString(1));
                        }
                    }
                }
            }
        }
        return values;
    }
}
