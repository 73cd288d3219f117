package dev.connect.oauth.adapter.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
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
 * (a MySQL protocol text query, alone or the last statement of a multi-statement) reaches the server, which commits; then the connection stalls,
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
                    // A multi-statement is answered statement by statement: the COMMIT's comes last.
                    forward = forward && link.fault == CommitFault.STALL_AFTER_ANSWER;
                    link.stalled = link.fault == CommitFault.LOSE_ANSWER || endsTheAnswer(buffer, read);
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

    /**
     * A read that ends a text query whose last statement is {@code COMMIT}: alone (a packet of length
     * 7, COM_QUERY (3)), or closing the multi-statement of a group commit ({@code ...; commit;}).
     */
    private static boolean isCommit(byte[] buffer, int read) {
        String tail = new String(buffer, Math.max(0, read - 10), Math.min(read, 10), StandardCharsets.US_ASCII)
                .toLowerCase(Locale.ROOT).replaceFirst(";$", "");
        boolean alone = read == 11 && (buffer[0] & 0xff) == 7 && buffer[1] == 0 && buffer[2] == 0 && buffer[4] == 3;
        return (alone && tail.endsWith("commit")) || tail.endsWith("; commit");
    }

    /**
     * Whether the last whole packet of a read from the server ends the answer to a query: an error,
     * or an OK packet whose status lacks SERVER_MORE_RESULTS_EXISTS (more statements' answers follow).
     */
    private static boolean endsTheAnswer(byte[] buffer, int read) {
        boolean ends = false;
        for (int at = 0; at + 4 < read; ) {
            int length = (buffer[at] & 0xff) | (buffer[at + 1] & 0xff) << 8 | (buffer[at + 2] & 0xff) << 16;
            int payload = at + 4;
            if (payload + length > read) {
                return false;
            }
            int header = buffer[payload] & 0xff;
            if (header == 0xff) {
                ends = true;
            } else if (header == 0x00) {
                int status = payload + 1;
                status += lengthEncodedSize(buffer[status]);
                status += lengthEncodedSize(buffer[status]);
                ends = (buffer[status] & 0x08) == 0; // the flags are little-endian
            }
            at = payload + length;
        }
        return ends;
    }

    /** The size of a length-encoded integer of the MySQL protocol, by its first byte. */
    private static int lengthEncodedSize(byte first) {
        return switch (first & 0xff) {
            case 0xfc -> 3;
            case 0xfd -> 4;
            case 0xfe -> 9;
            default -> 1;
        };
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
