package dev.connect.oauth.adapter.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import org.h2.tools.Server;

/**
 * A fresh in-memory H2 database in MySQL mode, with the flags of {@link DatabaseSettings#embedded}.
 * It lives until {@link #close()} shuts it down, not merely until its last connection closes, so
 * that adapters may come and go on it. On demand an H2 TCP server in this JVM serves the same
 * database over the network, for tests that cut the network.
 */
final class H2TestDatabase implements TestDatabase {
    private final String name = "connect_test_" + UUID.randomUUID().toString().replace("-", "");
    private final DatabaseSettings settings =
            DatabaseSettings.of("jdbc:h2:mem:" + name + DatabaseSettings.H2_FLAGS + ";DB_CLOSE_DELAY=-1", "sa", "");
    private Server tcpServer;

    @Override
    public DatabaseSettings settings() {
        return settings;
    }

    @Override
    public synchronized int serverPort() {
        if (tcpServer == null) {
            // H2's server binds every interface unless told otherwise; tests listen on loopback only.
            System.setProperty("h2.bindAddress", "127.0.0.1");
            try {
                tcpServer = Server.createTcpServer("-tcpPort", String.valueOf(freePort())).start();
            } catch (SQLException e) {
                throw new IllegalStateException("Could not start the H2 TCP server", e);
            }
        }
        return tcpServer.getPort();
    }

    @Override
    public String urlThrough(int port) {
        return "jdbc:h2:tcp://127.0.0.1:" + port + "/mem:" + name + DatabaseSettings.H2_FLAGS;
    }

    @Override
    public synchronized void close() {
        if (tcpServer != null) {
            tcpServer.stop();
        }
        try (Connection connection = DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password())) {
            connection.createStatement().execute("SHUTDOWN");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not shut the test database down", e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
