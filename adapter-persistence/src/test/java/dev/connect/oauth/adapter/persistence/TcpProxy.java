package dev.connect.oauth.adapter.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP forwarder on 127.0.0.1 in front of a database server, which a test can cut and restore to
 * play a database outage without stopping the server: {@link #refuse()} closes every connection
 * and refuses new ones (a database that is down), {@link #blackhole()} keeps every connection open
 * and swallows every byte (a database, or a network, that stopped answering), {@link #restore()}
 * forwards again on the same port.
 *
 * <p>Shared through this module's test-jar: the fleet tests of {@code bootstrap} put it between a
 * server process and MariaDB.
 */
public final class TcpProxy implements AutoCloseable {
    private final String targetHost;
    private final int targetPort;
    private final int port;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket listener;
    private volatile boolean swallowing;

    private TcpProxy(String targetHost, int targetPort) throws IOException {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.listener = listen(0);
        this.port = listener.getLocalPort();
        acceptOn(listener);
    }

    /** A proxy on a free port of 127.0.0.1 forwarding to {@code targetHost:targetPort}. */
    public static TcpProxy start(String targetHost, int targetPort) throws IOException {
        return new TcpProxy(targetHost, targetPort);
    }

    public int port() {
        return port;
    }

    /** Drops every connection and refuses new ones, as a stopped server does. */
    public synchronized void refuse() throws IOException {
        listener.close();
        dropConnections();
    }

    /** Stops forwarding: open connections go silent, new ones are accepted and never answered. */
    public synchronized void blackhole() {
        swallowing = true;
    }

    /** Forwards again, on the same port; connections that lived through the cut are dropped. */
    public synchronized void restore() throws IOException {
        swallowing = false;
        dropConnections();
        if (listener.isClosed()) {
            listener = listen(port);
            acceptOn(listener);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        listener.close();
        dropConnections();
    }

    private static ServerSocket listen(int port) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        return socket;
    }

    private void acceptOn(ServerSocket server) {
        Thread.ofVirtual().name("proxy-accept-" + port).start(() -> {
            while (!server.isClosed()) {
                try {
                    Socket client = server.accept();
                    sockets.add(client);
                    Thread.ofVirtual().start(() -> serve(client));
                } catch (IOException e) {
                    return;
                }
            }
        });
    }

    private void serve(Socket client) {
        if (swallowing) {
            pump(client, null);
            return;
        }
        try {
            Socket server = new Socket(targetHost, targetPort);
            sockets.add(server);
            Thread.ofVirtual().start(() -> pump(server, client));
            pump(client, server);
        } catch (IOException e) {
            drop(client);
        }
    }

    /** Copies {@code from} to {@code to} (or nowhere, when {@code to} is null) until either side closes. */
    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream()) {
            OutputStream out = to == null ? OutputStream.nullOutputStream() : to.getOutputStream();
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                if (!swallowing) {
                    out.write(buffer, 0, read);
                    out.flush();
                }
            }
        } catch (IOException e) {
            // One side went away: the other is closed below.
        } finally {
            drop(from);
            if (to != null) {
                drop(to);
            }
        }
    }

    private void dropConnections() {
        sockets.forEach(this::drop);
    }

    private void drop(Socket socket) {
        sockets.remove(socket);
        try {
            socket.close();
        } catch (IOException e) {
            // Already closed: nothing left to release.
        }
    }
}
