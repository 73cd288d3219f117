package dev.connect.oauth.adapter.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.connect.oauth.application.port.out.ClientKeysUnavailableException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link JdkClientKeysFetcher} against a loopback server: 200 only, no redirects, a size limit, a timeout. */
class JdkClientKeysFetcherTest {
    private static final String JWKS = "{\"keys\":[]}";

    private final JdkClientKeysFetcher fetcher = new JdkClientKeysFetcher(Duration.ofSeconds(2), Duration.ofMillis(500));
    private HttpServer server;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        answer("/jwks", 200, JWKS.getBytes(StandardCharsets.UTF_8));
        answer("/missing", 404, new byte[0]);
        answer("/large", 200, new byte[JdkClientKeysFetcher.MAX_BYTES + 1]);
        server.createContext("/moved", exchange -> {
            exchange.getResponseHeaders().add("Location", "/jwks");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.createContext("/slow", exchange -> {
            try {
                Thread.sleep(3_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void fetchWhen200ThenTheBody() {
        assertThat(fetcher.fetch(url("/jwks"))).isEqualTo(JWKS);
    }

    @Test
    void fetchWhenNot200OrRedirectOrTooLargeOrSlowThenUnavailable() {
        for (String path : new String[] {"/missing", "/moved", "/large", "/slow"}) {
            assertThatThrownBy(() -> fetcher.fetch(url(path))).as(path).isInstanceOf(ClientKeysUnavailableException.class);
        }
    }

    @Test
    void fetchWhenNothingListensThenUnavailable() {
        String closed = url("/jwks");
        server.stop(0);

        assertThatThrownBy(() -> fetcher.fetch(closed)).isInstanceOf(ClientKeysUnavailableException.class);
    }

    private void answer(String path, int status, byte[] body) {
        server.createContext(path, exchange -> {
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }
}
