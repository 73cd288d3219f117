package dev.connect.oauth.bootstrap.e2e;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A database of its own on a MariaDB server of 127.0.0.1 (the single one on 3306, or the Galera
 * cluster, which replicates it to every node), user root with an empty password as
 * {@code .ci/run} sets them up; dropped on {@link #close}. Server nodes reach it through any list of
 * ports: the server itself, a proxy in front of it, or several Galera nodes (a failover URL).
 */
final class SharedDatabase implements AutoCloseable {
    static final int MARIADB_PORT = 3306;
    private static final String HOST = "127.0.0.1";
    private static final String USER = "root";
    private static final String PASSWORD = "";
    private static final String FAILOVER_OPTIONS = "?failOverReadOnly=false";

    private final String name;
    private final int serverPort;
    /** Every node of the database seals and opens the signing keys with this one key-encryption key. */
    private final String kek = newKek();

    private SharedDatabase(String name, int serverPort) {
        this.name = name;
        this.serverPort = serverPort;
    }

    /** A key-encryption key as an operator makes one: base64 of 32 random bytes. */
    static String newKek() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    /** A fresh database on the server at {@code serverPort}, or a skip (a failure on CI) when it is down. */
    static SharedDatabase create(int serverPort) throws SQLException {
        Prerequisite.require(reachable(serverPort), "MariaDB is not reachable at " + HOST + ":" + serverPort);
        // A fresh database per test, so runs never see each other's rows (or a half-migrated schema).
        String name = "connect_e2e_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        execute(serverPort, "CREATE DATABASE " + name);
        return new SharedDatabase(name, serverPort);
    }

    /**
     * The {@code CONNECT_DB_*} variables (and the database's {@code CONNECT_KEK}) of a server
     * reaching this database through {@code ports}, in order. Several ports make the sequential-failover URL the README gives for Galera: writes
     * must go on through the next host, so a failed-over connection must not turn read-only.
     */
    Map<String, String> environment(int... ports) {
        String hosts = IntStream.of(ports).mapToObj(port -> HOST + ":" + port).collect(Collectors.joining(","));
        return Map.of(
                "CONNECT_DB_URL", "jdbc:mysql://" + hosts + "/" + name + (ports.length > 1 ? FAILOVER_OPTIONS : ""),
                "CONNECT_DB_USER", USER,
                "CONNECT_DB_PASSWORD", PASSWORD,
                "CONNECT_KEK", kek);
    }

    @Override
    public void close() throws SQLException {
        execute(serverPort, "DROP DATABASE IF EXISTS " + name);
    }

    static boolean reachable(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, port), 2000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Runs one statement as root on the server at {@code port}, outside any database. */
    static void execute(int port, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(serverUrl(port), USER, PASSWORD);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    static String serverUrl(int port) {
        return "jdbc:mysql://" + HOST + ":" + port + "/?connectTimeout=2000";
    }

    static String user() {
        return USER;
    }

    static String password() {
        return PASSWORD;
    }
}
