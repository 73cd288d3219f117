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
 * A database of its own on the 3-node MariaDB Galera cluster that {@code .ci/galera start} runs on
 * 127.0.0.1:3311, 3312 and 3313 (root, empty password): created through node 1 (DDL replicates to
 * every node), reached through node 1 by {@link #settings()} and through node 2 by
 * {@link #secondNodeSettings()}, and dropped afterwards.
 *
 * <p>When the cluster cannot be reached, a CI build ({@code CI=true}) fails; anywhere else the
 * tests are skipped with a message saying why.
 */
final class GaleraTestDatabase implements TestDatabase {
    static final String HOST = "127.0.0.1";
    static final int NODE_1 = 3311;
    static final int NODE_2 = 3312;
    private static final String USER = "root";
    private static final String PASSWORD = "";

    private final String name;

    private GaleraTestDatabase(String name) {
        this.name = name;
    }

    /** Creates a fresh database, or skips (fails, on CI) the calling test when the cluster is down. */
    static GaleraTestDatabase create() {
        String name = "connect_galera_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        try (Connection connection = DriverManager.getConnection(serverUrl(NODE_1), USER, PASSWORD);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        } catch (SQLException e) {
            String why = "the Galera cluster is not reachable at " + HOST + ":" + NODE_1 + " as root without password ("
                    + e.getMessage() + "); start it with `bash .ci/galera start`";
            if ("true".equals(System.getenv("CI"))) {
                Assertions.fail("CI=true requires the Galera tests: " + why, e);
            }
            System.err.println("SKIPPED Galera tests: " + why);
            Assumptions.abort("Skipped: " + why);
        }
        return new GaleraTestDatabase(name);
    }

    private static String serverUrl(int port) {
        return "jdbc:mysql://" + HOST + ":" + port + "/?connectTimeout=3000&socketTimeout=30000";
    }

    @Override
    public DatabaseSettings settings() {
        return DatabaseSettings.of(urlThrough(NODE_1), USER, PASSWORD);
    }

    @Override
    public DatabaseSettings secondNodeSettings() {
        return DatabaseSettings.of(urlThrough(NODE_2), USER, PASSWORD);
    }

    @Override
    public int serverPort() {
        return NODE_1;
    }

    @Override
    public String urlThrough(int port) {
        return "jdbc:mysql://" + HOST + ":" + port + "/" + name;
    }

    @Override
    public void close() {
        try (Connection connection = DriverManager.getConnection(serverUrl(NODE_1), USER, PASSWORD);
             Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not drop the test database " + name, e);
        }
    }
}
