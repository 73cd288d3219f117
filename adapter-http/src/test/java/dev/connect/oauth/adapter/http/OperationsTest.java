package dev.connect.oauth.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connect.oauth.application.port.in.RegisteredClient;
import dev.connect.oauth.application.testdata.TestApplication;
import io.vertx.core.Context;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** API.md §5 and the adapter's own promises: health, metrics, maintenance, rate limits, threads, shutdown. */
class OperationsTest {
    private final TestServer server = TestServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void liveAndReadyWhenStoreAnswersThen200() {
        assertThat(server.get("/health/live").json().getString("status")).isEqualTo("UP");
        assertThat(server.get("/health/ready").status()).isEqualTo(200);
    }

    @Test
    void readyWhenStoreDownThen503WithRetryAfterWhileLiveStays200() {
        server.app.store.setAvailable(false);

        Reply ready = server.get("/health/ready");

        assertThat(ready.status()).isEqualTo(503);
        assertThat(ready.header("Retry-After")).isEqualTo("30");
        assertThat(ready.json().getString("error")).isEqualTo("temporarily_unavailable");
        assertThat(server.get("/health/live").status()).isEqualTo(200);
    }

    @Test
    void readyWhenCheckFailsAnyOtherWayThen503() {
        TestApplication app = new TestApplication();
        HttpUseCases failing = TestServer.useCases(app, app.getJwkSet, () -> {
            throw new IllegalStateException("pool closed");
        });
        try (TestServer notReady = TestServer.start(app, settings -> settings, failing)) {
            assertThat(notReady.get("/health/ready").status()).isEqualTo(503);
        }
    }

    @Test
    void metricsCountRequestsByRouteTemplateNotRawPath() {
        String admin = server.adminKey();
        server.get("/api/v1/clients/first", "ACCESSTOKEN", admin);
        server.get("/api/v1/clients/second", "ACCESSTOKEN", admin);
        server.get("/no/such/path/1");
        server.get("/no/such/path/2");

        Reply metrics = server.get("/metrics");

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.header("Content-Type")).isEqualTo("text/plain; version=0.0.4; charset=utf-8");
        assertThat(metrics.body())
                .contains("# TYPE http_server_requests_seconds histogram")
                .contains("http_server_requests_seconds_count{method=\"GET\",route=\"/api/v1/clients/:id\",status=\"404\"} 2")
                .contains("http_server_requests_seconds_count{method=\"GET\",route=\"unmatched\",status=\"404\"} 2")
                .contains("http_server_requests_seconds_bucket{method=\"GET\",route=\"/api/v1/clients/:id\",status=\"404\",le=\"+Inf\"} 2")
                .doesNotContain("first").doesNotContain("/no/such");
    }

    @Test
    void whenMaintenanceConfiguredThenEveryEndpointButHealthAnswers503() {
        try (TestServer maintained = TestServer.start(settings -> settings.maintenance(true))) {
            for (String path : new String[] {"/oauth/token", "/.well-known/oauth-authorization-server", "/metrics",
                    "/api/v1/accounts/me", "/nowhere"}) {
                Reply reply = maintained.get(path);
                assertThat(reply.status()).as(path).isEqualTo(503);
                assertThat(reply.header("Retry-After")).isEqualTo("30");
                assertThat(reply.json().getString("error")).isEqualTo("temporarily_unavailable");
            }
            assertThat(maintained.get("/health/live").status()).isEqualTo(200);
            assertThat(maintained.get("/health/ready").status()).isEqualTo(200);
        }
    }

    @Test
    void maintenanceWhenAdminTogglesThenOnThenOff() {
        String admin = server.adminKey();

        Reply on = server.send("PUT", "/api/v1/maintenance", "application/json", "{\"enabled\":true}".getBytes(), "ACCESSTOKEN", admin);

        assertThat(on.status()).isEqualTo(200);
        assertThat(on.json().getBoolean("enabled")).isTrue();
        assertThat(server.get("/oauth/jwks").status()).isEqualTo(503);
        assertThat(server.get("/api/v1/maintenance", "ACCESSTOKEN", admin).json().getBoolean("enabled")).isTrue();

        Reply off = server.send("PUT", "/api/v1/maintenance", "application/json", "{\"enabled\":false}".getBytes(), "ACCESSTOKEN", admin);

        assertThat(off.status()).isEqualTo(200);
        assertThat(server.get("/oauth/jwks").status()).isEqualTo(200);
    }

    @Test
    void maintenanceWhenForcedByConfigurationThenTheFleetSwitchCannotLiftItOnThisNode() {
        try (TestServer forced = TestServer.start(settings -> settings.maintenance(true))) {
            String admin = forced.adminKey();

            Reply off = forced.send("PUT", "/api/v1/maintenance", "application/json", "{\"enabled\":false}".getBytes(),
                    "ACCESSTOKEN", admin);

            assertThat(off.json().getBoolean("enabled")).isFalse();
            assertThat(off.json().getBoolean("forced_on_this_node")).isTrue();
            assertThat(forced.get("/oauth/jwks").status()).isEqualTo(503);
            assertThat(forced.app.ports.maintenance().isOn()).isFalse();
        }
    }

    @Test
    void maintenanceWhenSwitchedThenStoredForTheFleet() {
        String admin = server.adminKey();

        server.send("PUT", "/api/v1/maintenance", "application/json", "{\"enabled\":true}".getBytes(), "ACCESSTOKEN", admin);

        assertThat(server.app.ports.maintenance().isOn()).isTrue();
        server.send("PUT", "/api/v1/maintenance", "application/json", "{\"enabled\":false}".getBytes(), "ACCESSTOKEN", admin);
        assertThat(server.app.ports.maintenance().isOn()).isFalse();
    }

    @Test
    void maintenanceToggleWhenCustomerThen403AndNothingChanges() {
        String customer = server.customer().apiKey().key().value();

        Reply reply = server.send("PUT", "/api/v1/maintenance", "application/json", "{\"enabled\":true}".getBytes(),
                "ACCESSTOKEN", customer);

        assertThat(reply.status()).isEqualTo(403);
        assertThat(server.get("/oauth/jwks").status()).isEqualTo(200);
    }

    @Test
    void maintenanceToggleWhenEnabledMissingThenInvalidRequest() {
        Reply reply = server.send("PUT", "/api/v1/maintenance", "application/json", "{\"enabled\":\"yes\"}".getBytes(),
                "ACCESSTOKEN", server.adminKey());

        assertThat(reply.status()).isEqualTo(400);
    }

    @Test
    void tokenEndpointWhenClientExceedsItsLimitThen429WithRetryAfter() {
        try (TestServer limited = TestServer.start(settings -> settings.tokenPerClient(HttpSettings.RateLimit.perMinute(2)))) {
            RegisteredClient client = limited.confidentialClient();
            RegisteredClient other = limited.confidentialClient();
            String form = "grant_type=client_credentials";

            assertThat(limited.postForm("/oauth/token", form, "Authorization", TestServer.basic(client)).status()).isEqualTo(200);
            assertThat(limited.postForm("/token", form, "Authorization", TestServer.basic(client)).status()).isEqualTo(200);
            Reply limitedReply = limited.postForm("/oauth/token", form, "Authorization", TestServer.basic(client));

            assertThat(limitedReply.status()).isEqualTo(429);
            assertThat(limitedReply.header("Retry-After")).isEqualTo("30");
            assertThat(limitedReply.json().getString("error")).isEqualTo("too_many_requests");
            assertThat(limitedReply.json().getInteger("code")).isEqualTo(429);
            assertThat(limited.postForm("/oauth/token", form, "Authorization", TestServer.basic(other)).status()).isEqualTo(200);
        }
    }

    @Test
    void whenClientExpectsContinueThenServerSaysContinueBeforeTheBody() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /oauth/token HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                    + "Content-Length: 29\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));

            assertThat(in.readLine()).isEqualTo("HTTP/1.1 100 Continue");
        }
    }

    @Test
    void useCasesRunOnVirtualThreadsNeverOnAnEventLoop() {
        TestApplication app = new TestApplication();
        AtomicReference<Thread> thread = new AtomicReference<>();
        AtomicReference<Boolean> onEventLoop = new AtomicReference<>();
        HttpUseCases observed = TestServer.useCases(app, () -> {
            thread.set(Thread.currentThread());
            onEventLoop.set(Context.isOnEventLoopThread());
            return "{\"keys\":[]}";
        }, app.checkReadiness);
        try (TestServer observing = TestServer.start(app, settings -> settings, observed)) {
            assertThat(observing.get("/oauth/jwks").status()).isEqualTo(200);
        }

        assertThat(thread.get().isVirtual()).isTrue();
        assertThat(onEventLoop.get()).isFalse();
    }

    @Test
    void closeLetsAnInFlightRequestFinish() throws Exception {
        TestApplication app = new TestApplication();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        HttpUseCases slow = TestServer.useCases(app, () -> {
            started.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "{\"keys\":[]}";
        }, app.checkReadiness);
        TestServer slowServer = TestServer.start(app, settings -> settings.shutdownGrace(Duration.ofSeconds(20)), slow);
        CompletableFuture<Reply> inFlight = CompletableFuture.supplyAsync(() -> slowServer.get("/oauth/jwks"));
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Void> closing = slowServer.adapter.close().toCompletionStage().toCompletableFuture();
        release.countDown();

        assertThat(inFlight.get(10, TimeUnit.SECONDS).status()).isEqualTo(200);
        closing.get(10, TimeUnit.SECONDS);
    }

    @Test
    void listenWithSeveralEventLoopsOnPortZeroServesEveryConnectionOnThePortItReports() {
        try (TestServer several = TestServer.start(settings -> settings.serverInstances(3))) {
            // A fresh connection each time, so that Vert.x hands them to each event loop in turn.
            for (int i = 0; i < 6; i++) {
                assertThat(several.raw("GET /health/live HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"))
                        .startsWith("HTTP/1.1 200");
            }
        }
    }
}
