package dev.connect.oauth.adapter.persistence;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A database of its own on the MariaDB (or MySQL) server at 127.0.0.1:3306, user root with an
 * empty password, as {@code .ci/run} sets it up: created with a unique name for one test class
 * and dropped afterwards.
 *
 * <p>When the server cannot be reached, a CI build ({@code CI=true}) fails, because the MariaDB
 * runs are part of what it proves; anywhere else the tests are skipped with a message saying why.
 */
final class MariaDbTestDatabase implements TestDatabase {
    static final String HOST = "127.0.0.1";
    static final int PORT = 3306;
    private static final String SERVER_URL = "jdbc:mysql://" + HOST + ":" + PORT + "/?connectTimeout=3000&socketTimeout=30000";
    private static final String USER = "root";
    private static final String PASSWORD = "";

    private final String name;
    private final DatabaseSettings settings;

    private MariaDbTestDatabase(String name) {
        this.name = name;
        this.settings = DatabaseSettings.of(urlOf(HOST, PORT), USER, PASSWORD);
    }

    /** Creates a fresh database, or skips (fails, on CI) the calling test when the server is down. */
    static MariaDbTestDatabase create() {
        String name = "connect_test_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        try (Connection connection = DriverManager.getConnection(SERVER_URL, USER, PASSWORD);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        } catch (SQLException e) {
            String why = "MariaDB is not reachable at " + HOST + ":" + PORT + " as root without password (" + e.getMessage()
                    + "); start it with `bash .ci/run` (CI_SKIP_BUILD=1 prepares the machine only)";
            if ("true".equals(System.getenv("CI"))) {
                Assertions.fail("CI=true requires the MariaDB tests: " + why, e);
            }
            System.err.println("SKIPPED MariaDB tests: " + why);
            Assumptions.abort("Skipped: " + why);
        }
        return new MariaDbTestDatabase(name);
    }

    @Override
    public int serverPort() {
        return PORT;
    }

    @Override
    public String urlThrough(int port) {
        return urlOf(HOST, port);
    }

    private String urlOf(String host, int port) {
        return "jdbc:mysql://" + host + ":" + port + "/" + name;
    }

    @Override
    public DatabaseSettings settings() {
        return settings;
    }

    @Override
    public void close() {
        try (Connection connection = DriverManager.getConnection(SERVER_URL, USER, PASSWORD);
             Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not drop the test database " + name, e);
        }
    }
}
