package dev.connect.oauth.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connect.oauth.adapter.persistence.DatabaseSettings;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server as operators see it, on embedded H2: the Prometheus scrape after real requests, the
 * spans of a request that carries a W3C {@code traceparent} (recorded by the SDK's in-memory
 * exporter instead of OTLP), and JSON log lines.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ObservabilityTest {
    private static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";
    private static final String CALLER_SPAN_ID = "b7ad6b7169203331";
    private static final String TRACEPARENT = "00-" + TRACE_ID + "-" + CALLER_SPAN_ID + "-01";
    /**
     * The log test's own trace: the spans of its failed request may end after its answer, and must
     * not be taken for those of the tracing test's request.
     */
    private static final String LOG_TRACE_ID = "5bf7651916cd43dd8448eb211c80319d";
    private static final String LOG_TRACEPARENT = "00-" + LOG_TRACE_ID + "-" + CALLER_SPAN_ID + "-01";

    private final InMemorySpanExporter spans = InMemorySpanExporter.create();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String adminKey = newApiKey();
    private Path dataDir;
    private ConnectServer server;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        dataDir = dir;
        ServerConfig config = ServerConfig.from(Map.of(
                "CONNECT_HTTP_HOST", "127.0.0.1",
                "CONNECT_HTTP_PORT", "0",
                "CONNECT_ADMIN_PORT", "0",
                "CONNECT_DATA_DIR", dataDir.toString(),
                "CONNECT_BOOTSTRAP_ADMIN_EMAIL", "admin@observability.example",
                "CONNECT_BOOTSTRAP_ADMIN_API_KEY", adminKey,
                "CONNECT_LOG_FORMAT", "json",
                // The background polls (maintenance switch, revocations) run their own statements as
                // spans without a parent: at their longest intervals none lands inside a test's request.
                "CONNECT_MAINTENANCE_REFRESH_MILLIS", "60000",
                "CONNECT_REVOCATION_DELAY_MILLIS", "60000"));
        server = ConnectServer.start(config,
                Telemetry.start(config.observability(), Optional.of(SimpleSpanProcessor.create(spans))));
    }

    @AfterAll
    void stop() throws Exception {
        server.close();
        LogOutput.use(ServerConfig.LogFormat.PLAIN);
    }

    @Test
    void metricsWhenScrapedAfterRequestsThenRequestTokenJvmPoolAndVertxSeriesPresent() {
        for (int i = 0; i < 3; i++) {
            assertThat(send(get("/health/live")).statusCode()).isEqualTo(200);
        }
        issueClientCredentialsToken();

        HttpResponse<String> scrape = send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.adminPort() + "/metrics")).timeout(Duration.ofSeconds(10)).GET());

        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.headers().firstValue("Content-Type")).contains("text/plain; version=0.0.4; charset=utf-8");
        String text = scrape.body();
        assertThat(value(text, "http_server_requests_seconds_count{method=\"GET\",route=\"/health/live\",status=\"200\"}"))
                .isEqualTo(3);
        assertThat(value(text, "http_server_requests_seconds_sum{method=\"GET\",route=\"/health/live\",status=\"200\"}"))
                .isPositive().isLessThan(60);
        assertThat(value(text, "oauth_tokens_issued_total{grant_type=\"client_credentials\"}")).isEqualTo(1);
        // Summed over the heap's pools: one of them (an eden just collected) may hold nothing.
        assertThat(sum(text, "jvm_memory_used_bytes{area=\"heap\"")).isPositive();
        assertThat(value(text, "jvm_gc_memory_allocated_bytes_total")).isNotNegative();
        assertThat(value(text, "jvm_threads_live_threads")).isPositive();
        assertThat(value(text, "jvm_classes_loaded_classes")).isGreaterThan(1000);
        assertThat(value(text, "process_cpu_usage")).isNotNegative();
        assertThat(value(text, "process_uptime_seconds")).isPositive();
        assertThat(value(text, "hikaricp_connections_max{pool=\"connect-db\"}")).isEqualTo(16);
        assertThat(value(text, "hikaricp_connections_acquire_seconds_count{pool=\"connect-db\"}")).isPositive();
        assertThat(value(text, "vertx_http_server_requests_total{")).isPositive();
        assertThat(value(text, "vertx_http_server_active_connections")).isNotNegative();
        System.out.println("Scrape after the requests: " + text.lines().count() + " lines, "
                + text.lines().filter(line -> line.startsWith("# TYPE")).count() + " metric families");
    }

    @Test
    void requestWhenTraceparentGivenThenServerSpanContinuesItWithChildDatabaseSpans() {
        spans.reset();

        HttpResponse<String> me = send(get("/api/v1/accounts/me").header("ACCESSTOKEN", adminKey)
                .header("traceparent", TRACEPARENT));

        assertThat(me.statusCode()).isEqualTo(200);
        SpanData request = serverSpan("GET /api/v1/accounts/me");
        assertThat(request.getTraceId()).isEqualTo(TRACE_ID);
        assertThat(request.getParentSpanId()).isEqualTo(CALLER_SPAN_ID);
        List<SpanData> statements = spans.getFinishedSpanItems().stream()
                .filter(span -> span.getKind() == SpanKind.CLIENT && span.getTraceId().equals(TRACE_ID)).toList();
        assertThat(statements).isNotEmpty().allSatisfy(statement ->
                assertThat(statement.getParentSpanId()).isEqualTo(request.getSpanId()));
        assertThat(statements).extracting(SpanData::getName).contains("SELECT");
    }

    @Test
    void logsWhenJsonThenEachLineIsAnObjectWithRequestAndTraceIds() throws SQLException {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream stderr = System.err;
        // A broken table makes the use case fail: the one request the server logs is a 500.
        try (Connection db = DriverManager.getConnection(DatabaseSettings.embedded(dataDir).jdbcUrl(), "sa", "");
             Statement sql = db.createStatement()) {
            sql.execute("ALTER TABLE api_keys RENAME TO api_keys_away");
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            try {
                HttpResponse<String> failed = send(get("/api/v1/accounts/me").header("ACCESSTOKEN", adminKey)
                        .header("traceparent", LOG_TRACEPARENT).header("X-Request-Id", "obs-req-1"));
                assertThat(failed.statusCode()).isEqualTo(500);
            } finally {
                System.setErr(stderr);
                sql.execute("ALTER TABLE api_keys_away RENAME TO api_keys");
            }
        }

        List<JsonObject> lines = captured.toString(StandardCharsets.UTF_8).lines().map(JsonObject::new).toList();
        assertThat(lines).anySatisfy(line -> {
            assertThat(line.getString("level")).isEqualTo("ERROR");
            assertThat(line.getString("logger")).endsWith("ErrorMapper");
            assertThat(line.getString("message")).contains("obs-req-1");
            assertThat(line.getString("request_id")).isEqualTo("obs-req-1");
            assertThat(line.getString("trace_id")).isEqualTo(LOG_TRACE_ID);
            assertThat(line.getString("timestamp")).endsWith("Z");
            assertThat(line.getString("exception")).contains("api_keys");
        });
        assertThat(captured.toString(StandardCharsets.UTF_8)).doesNotContain(adminKey);
    }

    private void issueClientCredentialsToken() {
        HttpResponse<String> registered = send(post("/api/v1/clients", "application/json",
                new JsonObject().put("name", "Metrics").put("type", "confidential")
                        .put("redirect_uris", List.of("https://app.example.com/callback"))
                        .put("scopes", List.of("connect")).encode()).header("ACCESSTOKEN", adminKey));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        JsonObject client = new JsonObject(registered.body());
        String basic = Base64.getEncoder().encodeToString((client.getString("client_id") + ":"
                + client.getString("client_secret")).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> token = send(post("/oauth/token", "application/x-www-form-urlencoded",
                "grant_type=client_credentials&scope=connect").header("Authorization", "Basic " + basic));
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
    }

    /** The server span, ended once the answer was sent: possibly just after the client read it. */
    private SpanData serverSpan(String name) {
        for (int attempt = 0; attempt < 500; attempt++) {
            Optional<SpanData> found = spans.getFinishedSpanItems().stream()
                    .filter(span -> span.getKind() == SpanKind.SERVER && span.getName().equals(name)).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("no server span " + name + " in " + spans.getFinishedSpanItems());
    }

    /** The value of the first series whose line starts with {@code series}. */
    private static double value(String scrape, String series) {
        return values(scrape, series).getFirst();
    }

    /** The sum of every line of {@code series} (a metric with several label sets). */
    private static double sum(String scrape, String series) {
        return values(scrape, series).stream().mapToDouble(Double::doubleValue).sum();
    }

    private static List<Double> values(String scrape, String series) {
        Matcher line = Pattern.compile("^" + Pattern.quote(series) + ".* (\\S+)$", Pattern.MULTILINE).matcher(scrape);
        List<Double> values = line.results().map(found -> Double.parseDouble(found.group(1))).toList();
        assertThat(values).as("series %s in%n%s", series, scrape).isNotEmpty();
        return values;
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10)).GET();
    }

    private HttpRequest.Builder post(String path, String contentType, String body) {
        return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String newApiKey() {
        byte[] bits = new byte[32];
        new SecureRandom().nextBytes(bits);
        return "ck_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
    }
}
