package dev.connect.oauth.adapter.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A TCP forwarder on 127.0.0.1 in front of a database server, which a test can cut and restore to
 * play a database outage without stopping the server: {@link #refuse()} closes every connection
 * and refuses new ones (a database that is down), {@link #blackhole()} keeps every connection open
 * and swallows every byte (a database, or a network, that stopped answering), {@link #restore()}
 * forwards again on the same port.
 *
 * <p>{@link #failNextCommit} plays the ambiguous commit: the next {@code COMMIT} a client sends
 * (a MySQL protocol text query) reaches the server, which commits; then the connection stalls,
 * either right after forwarding the server's acknowledgement or with the acknowledgement lost.
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
    private final AtomicReference<CommitFault> nextCommit = new AtomicReference<>();

    /** What happens to the connection that sends the next {@code COMMIT}. */
    enum CommitFault {
        /** The acknowledgement is forwarded, then the connection stalls. */
        STALL_AFTER_ANSWER,
        /** The server commits, the acknowledgement is lost and the connection stalls. */
        LOSE_ANSWER
    }

    /** One client connection and its server connection: the commit fault acts on both directions. */
    private static final class Link {
        private volatile CommitFault fault;
        private volatile boolean stalled;
    }

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

    /** Arms {@code fault} for the next {@code COMMIT} any connection sends; it acts once. */
    void failNextCommit(CommitFault fault) {
        nextCommit.set(fault);
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
                    if (server.isClosed()) {
                        // Accepted just before refuse() closed the listener, and maybe added after it
                        // dropped the connections: a cut link must not outlive the cut.
                        drop(client);
                        return;
                    }
                    Thread.ofVirtual().start(() -> serve(client));
                } catch (IOException e) {
                    return;
                }
            }
        });
    }

    private void serve(Socket client) {
        Link link = new Link();
        if (swallowing) {
            pump(client, null, link, false);
            return;
        }
        try {
            Socket server = new Socket(targetHost, targetPort);
            sockets.add(server);
            Thread.ofVirtual().start(() -> pump(server, client, link, false));
            pump(client, server, link, true);
        } catch (IOException e) {
            drop(client);
        }
    }

    /**
     * Copies {@code from} to {@code to} (or nowhere, when {@code to} is null) until either side
     * closes; {@code toServer} tells the direction, for the commit fault.
     */
    private void pump(Socket from, Socket to, Link link, boolean toServer) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream()) {
            OutputStream out = to == null ? OutputStream.nullOutputStream() : to.getOutputStream();
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                boolean forward = !swallowing && !link.stalled;
                if (toServer && link.fault == null && isCommit(buffer, read)) {
                    // Armed before the COMMIT leaves, so the answer cannot overtake it.
                    link.fault = nextCommit.getAndSet(null);
                } else if (!toServer && link.fault != null && !link.stalled) {
                    forward = forward && link.fault == CommitFault.STALL_AFTER_ANSWER;
                    link.stalled = true;
                }
                if (forward) {
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

    /** A whole MySQL packet holding the text query {@code COMMIT}: length 7, sequence, COM_QUERY (3). */
    private static boolean isCommit(byte[] buffer, int read) {
        return read == 11 && (buffer[0] & 0xff) == 7 && buffer[1] == 0 && buffer[2] == 0 && buffer[4] == 3
                && new String(buffer, 5, 6, StandardCharsets.US_ASCII).equalsIgnoreCase("COMMIT");
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
