package dev.connect.oauth.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import dev.connect.oauth.bootstrap.ConnectServer;
import dev.connect.oauth.bootstrap.ServerConfig;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The real server, started as {@code Main} starts it ({@link ConnectServer#start} over
 * {@link ServerConfig#from}), on 127.0.0.1 with a fresh database of the given backend and a
 * bootstrap admin; plus the admin calls the suites need to set themselves up. {@link #at} gives
 * the same calls to a server this JVM did not start (a {@link FleetNode} process).
 */
final class E2eServer {
    static final String HOST = "127.0.0.1";
    static final String ADMIN_EMAIL = "admin@e2e.example";

    /** What {@link #stop} releases. */
    private final AutoCloseable running;
    /** The {@code CONNECT_*} variables naming the database (empty for the embedded one, or a server started elsewhere). */
    private final Map<String, String> databaseEnvironment;
    private final String issuer;
    private final String adminKey;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    private final AtomicInteger sequence = new AtomicInteger();
    /** Answers of this server checked against the OpenAPI document. */
    private final AtomicInteger checkedAnswers = new AtomicInteger();
    private final E2eRequest.AnswerCheck answers;

    private E2eServer(AutoCloseable running, Map<String, String> databaseEnvironment, String issuer, String adminKey,
                      boolean checkAnswers) {
        this.running = running;
        this.databaseEnvironment = Map.copyOf(databaseEnvironment);
        this.issuer = issuer;
        this.adminKey = adminKey;
        this.answers = checkAnswers ? (method, uri, reply) -> {
            OpenApiConformance.shared().check(method, uri, reply);
            checkedAnswers.incrementAndGet();
        } : E2eRequest.AnswerCheck.NONE;
    }

    /** A customer account and the API key it was created with. */
    record Customer(String id, String email, String name, String password, String apiKey) {
    }

    /** A registered client; {@code secret} is empty for a public one. */
    record TestClient(String id, String name, Optional<String> secret, URI redirectUri) {
        ClientID clientId() {
            return new ClientID(id);
        }

        ClientSecretBasic basic() {
            return new ClientSecretBasic(clientId(), new Secret(secret.orElseThrow()));
        }

        ClientSecretPost post() {
            return new ClientSecretPost(clientId(), new Secret(secret.orElseThrow()));
        }
    }

    static E2eServer start(Backend backend, Path dir) throws Exception {
        return start(backend, dir, Map.of());
    }

    /** Starts a server; {@code settings} adds to (or overrides) the {@code CONNECT_*} variables. */
    static E2eServer start(Backend backend, Path dir, Map<String, String> settings) throws Exception {
        return start(backend.create(dir), newApiKey(), settings);
    }

    /**
     * Starts another node on this server's database, with the same bootstrap admin (created once,
     * by the first node). Stopping it leaves the database to the first node.
     */
    E2eServer anotherNode(Map<String, String> settings) throws Exception {
        return start(new Backend.Database(databaseEnvironment, () -> {
        }), adminKey, settings);
    }

    private static E2eServer start(Backend.Database database, String adminKey, Map<String, String> settings)
            throws Exception {
        try {
            // The issuer names the port, so the port is chosen before the server starts.
            int port = freePort();
            String issuer = "http://" + HOST + ":" + port;
            Map<String, String> environment = new HashMap<>(database.environment());
            environment.putAll(Map.of(
                    "CONNECT_HTTP_HOST", HOST,
                    "CONNECT_HTTP_PORT", Integer.toString(port),
                    "CONNECT_ADMIN_PORT", "0",
                    "CONNECT_ISSUER", issuer,
                    "CONNECT_BOOTSTRAP_ADMIN_EMAIL", ADMIN_EMAIL,
                    "CONNECT_BOOTSTRAP_ADMIN_API_KEY", adminKey));
            environment.putAll(settings);
            ConnectServer server = ConnectServer.start(ServerConfig.from(environment));
            return new E2eServer(() -> {
                try {
                    server.close();
                } finally {
                    database.close();
                }
            }, database.environment(), issuer, adminKey, true);
        } catch (Exception | AssertionError e) {
            database.close();
            throw e;
        }
    }

    /**
     * A server running elsewhere, reached at {@code baseUrl} (which {@link #issuer} then returns),
     * whose admin has {@code adminKey}; {@link #stop} leaves it running. Its answers are not
     * checked against the OpenAPI document: these are fleet nodes, whose faults cut answers short.
     */
    static E2eServer at(String baseUrl, String adminKey) {
        return new E2eServer(() -> {
        }, Map.of(), baseUrl, adminKey, false);
    }

    String issuer() {
        return issuer;
    }

    String adminKey() {
        return adminKey;
    }

    /** The JDBC URL of the server's database, when it is not the embedded one. */
    Optional<String> databaseUrl() {
        return Optional.ofNullable(databaseEnvironment.get("CONNECT_DB_URL"));
    }

    URI uri(String pathAndQuery) {
        return URI.create(issuer + pathAndQuery);
    }

    E2eRequest request(String method, String pathAndQuery) {
        return request(method, uri(pathAndQuery));
    }

    E2eRequest request(String method, URI uri) {
        return new E2eRequest(http, method, uri, answers);
    }

    /** Checks an answer this server gave to a client other than {@link #request} (the Nimbus SDK's). */
    void checkAnswer(String method, URI uri, Reply reply) {
        answers.check(method, uri, reply);
    }

    /** A new customer with a password (for the sign-in page) and an API key (for the API-key authorize). */
    Customer createCustomer(String password) {
        int n = sequence.incrementAndGet();
        String email = "customer-" + n + "@e2e.example";
        String name = "Customer " + n;
        Reply reply = request("POST", "/api/v1/accounts").apiKey(adminKey)
                .json(new JsonObject().put("email", email).put("name", name).put("password", password)
                        .put("role", "customer"))
                .send();
        assertThat(reply.status()).as("create customer: %s", reply).isEqualTo(201);
        return new Customer(reply.json().getString("id"), email, name, password, reply.json().getString("api_key"));
    }

    /**
     * Registers a client ({@code type} {@code confidential} or {@code public}) through the admin API,
     * with {@code redirectUri} as its post-logout redirect URI too.
     */
    TestClient registerClient(String type, URI redirectUri, List<String> scopes) {
        return registerClient(type, redirectUri, scopes, new JsonObject());
    }

    /** A client registered with {@code settings}, more members of {@code POST /api/v1/clients}, besides the usual ones. */
    TestClient registerClient(String type, URI redirectUri, List<String> scopes, JsonObject settings) {
        Reply reply = request("POST", "/api/v1/clients").apiKey(adminKey)
                .json(settings.copy().put("name", "E2E " + type + " client " + sequence.incrementAndGet())
                        .put("redirect_uris", new JsonArray().add(redirectUri.toString()))
                        .put("post_logout_redirect_uris", new JsonArray().add(redirectUri.toString()))
                        .put("scopes", new JsonArray(scopes)).put("type", type))
                .send();
        assertThat(reply.status()).as("register client: %s", reply).isEqualTo(201);
        JsonObject body = reply.json();
        return new TestClient(body.getString("client_id"), body.getString("name"),
                Optional.ofNullable(body.getString("client_secret")), redirectUri);
    }

    /** A key in the issued format (API.md §4): {@code ck_} and 256 random bits in base64url. */
    static String newApiKey() {
        byte[] bits = new byte[32];
        new SecureRandom().nextBytes(bits);
        return "ck_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
    }

    /** Stops the server gracefully, then removes its database. */
    void stop() throws Exception {
        if (checkedAnswers.get() > 0) {
            OpenApiConformance conformance = OpenApiConformance.shared();
            System.out.printf("OPENAPI %d answers of the server at %s matched openapi.json (%d in this JVM so far;"
                    + " operations not yet answered: %s)%n", checkedAnswers.get(), issuer, conformance.checked(),
                    conformance.unanswered());
        }
        running.close();
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        }
    }
}
