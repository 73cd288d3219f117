package dev.connect.oauth.bootstrap.e2e;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** The databases the server runs on: the embedded default and MySQL (MariaDB on 127.0.0.1:3306). */
enum Backend {
    H2 {
        @Override
        Database create(Path dir) {
            return new Database(Map.of("CONNECT_DATA_DIR", dir.resolve("data").toString()), () -> {
            });
        }
    },
    MARIADB {
        @Override
        Database create(Path dir) throws SQLException {
            Prerequisite.require(reachable(), "MariaDB is not reachable at " + HOST + ":" + PORT);
            // A fresh database per server, so runs never see each other's rows (or a half-migrated schema).
            String name = "connect_e2e_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
            execute("CREATE DATABASE " + name);
            return new Database(Map.of(
                    "CONNECT_DB_URL", SERVER_URL + name,
                    "CONNECT_DB_USER", USER,
                    "CONNECT_DB_PASSWORD", PASSWORD,
                    "CONNECT_KEK", newKek()), () -> execute("DROP DATABASE IF EXISTS " + name));
        }
    };

    private static final String HOST = "127.0.0.1";
    private static final int PORT = 3306;
    private static final String SERVER_URL = "jdbc:mysql://" + HOST + ":" + PORT + "/";
    private static final String USER = "root";
    private static final String PASSWORD = "";

    /** A database made for one server: the variables that point the server at it, and how to remove it. */
    record Database(Map<String, String> environment, Cleanup cleanup) implements AutoCloseable {
        @Override
        public void close() throws SQLException {
            cleanup.run();
        }
    }

    @FunctionalInterface
    interface Cleanup {
        void run() throws SQLException;
    }

    abstract Database create(Path dir) throws Exception;

    /** A key-encryption key as an operator makes one: base64 of 32 random bytes. */
    static String newKek() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private static boolean reachable() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, PORT), 2000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(SERVER_URL, USER, PASSWORD);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
