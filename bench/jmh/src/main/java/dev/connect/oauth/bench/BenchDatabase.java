package dev.connect.oauth.bench;

import dev.connect.oauth.adapter.persistence.DatabaseSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A database of its own on the server named by the system property {@code bench.db.server}
 * (default {@code jdbc:mysql://127.0.0.1:3306/}, user {@code bench.db.user}, default root, and
 * {@code bench.db.password}, default empty), created for one benchmark run and dropped after it.
 */
final class BenchDatabase implements AutoCloseable {
    private final String serverUrl = System.getProperty("bench.db.server", "jdbc:mysql://127.0.0.1:3306/");
    private final String user = System.getProperty("bench.db.user", "root");
    private final String password = System.getProperty("bench.db.password", "");
    private final String name = "connect_bench_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());

    BenchDatabase() throws SQLException {
        execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
    }

    DatabaseSettings settings(int poolSize) {
        return new DatabaseSettings(serverUrl + name, user, password, poolSize,
                DatabaseSettings.DEFAULT_CONNECTION_TIMEOUT, DatabaseSettings.DEFAULT_SOCKET_TIMEOUT);
    }

    @Override
    public void close() throws SQLException {
        execute("DROP DATABASE IF EXISTS " + name);
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(serverUrl, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
