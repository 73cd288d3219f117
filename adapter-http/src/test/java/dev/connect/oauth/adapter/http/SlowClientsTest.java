package dev.connect.oauth.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Slow clients (slowloris) cannot hold connections: one that trickles a request, or connects and
 * sends nothing, is cut off after the request timeout; a keep-alive connection may rest between
 * requests up to the idle timeout. Each test prints how long the server took.
 */
class SlowClientsTest {
    private static final Duration REQUEST_TIMEOUT = Duration.ofMillis(800);
    private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(3);
    /** Far above both timeouts: a connection still open then was never going to be cut. */
    private static final Duration GIVE_UP = Duration.ofSeconds(15);
    private static final Duration TRICKLE = Duration.ofMillis(200);

    private final TestServer server = TestServer.start(settings -> settings
            .timeouts(new HttpSettings.Timeouts(IDLE_TIMEOUT, REQUEST_TIMEOUT)));

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void whenClientConnectsAndSendsNothingThenCutOff() throws IOException {
        try (Socket socket = connect()) {
            assertClosedByServer(socket, "silent connection", "");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET /health/li", "GET /health/live HTTP/1.1\r\nHost: x\r\n",
            "POST /oauth/token HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                    + "Content-Length: 500\r\n\r\ngrant_type="})
    void whenClientTricklesRequestThenCutOff(String start) throws IOException {
        try (Socket socket = connect()) {
            send(socket, start);
            // One more byte of a header (or the body) every 200 ms: never idle, never done.
            assertClosedByServer(socket, "trickle after " + start.length() + " bytes", start.contains("\r\n\r\n") ? "a" : "X");
        }
    }

    @Test
    void whenKeepAliveConnectionRestsBetweenRequestsThenStillServed() throws Exception {
        try (Socket socket = connect()) {
            send(socket, "GET /health/live HTTP/1.1\r\nHost: x\r\n\r\n");
            assertThat(readAnswer(socket)).startsWith("HTTP/1.1 200");

            Thread.sleep(REQUEST_TIMEOUT.multipliedBy(2).toMillis());

            send(socket, "GET /health/live HTTP/1.1\r\nHost: x\r\n\r\n");
            assertThat(readAnswer(socket)).startsWith("HTTP/1.1 200");
            assertClosedByServer(socket, "idle keep-alive connection", "");
        }
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket("127.0.0.1", server.port);
        socket.setSoTimeout((int) TRICKLE.toMillis());
        return socket;
    }

    private static void send(Socket socket, String text) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** Reads one small answer: what arrives until the connection goes quiet for a moment. */
    private static String readAnswer(Socket socket) throws IOException {
        StringBuilder answer = new StringBuilder();
        byte[] buffer = new byte[4096];
        long giveUp = System.nanoTime() + GIVE_UP.toNanos();
        while (System.nanoTime() < giveUp) {
            try {
                int read = socket.getInputStream().read(buffer);
                if (read < 0) {
                    break;
                }
                answer.append(new String(buffer, 0, read, StandardCharsets.ISO_8859_1));
            } catch (java.net.SocketTimeoutException quiet) {
                if (!answer.isEmpty()) {
                    break;
                }
            }
        }
        return answer.toString();
    }

    /**
     * Sends {@code trickle} (when not empty) every 200 ms until the server closes the connection,
     * and fails if it has not after {@link #GIVE_UP}.
     */
    private static void assertClosedByServer(Socket socket, String what, String trickle) throws IOException {
        long start = System.nanoTime();
        InputStream in = socket.getInputStream();
        boolean closed = false;
        while (!closed && System.nanoTime() - start < GIVE_UP.toNanos()) {
            try {
                if (!trickle.isEmpty()) {
                    send(socket, trickle);
                }
                closed = in.read() < 0;
            } catch (java.net.SocketTimeoutException stillOpen) {
                // nothing yet: go on trickling
            } catch (SocketException reset) {
                closed = true;
            }
        }
        System.out.printf("SLOW-CLIENT %s: closed=%s after %d ms%n", what, closed,
                Duration.ofNanos(System.nanoTime() - start).toMillis());
        assertThat(closed).as("%s closed by the server within %s", what, GIVE_UP).isTrue();
    }
}
