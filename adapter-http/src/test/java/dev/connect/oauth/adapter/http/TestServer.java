package dev.connect.oauth.adapter.http;

import dev.connect.oauth.application.AbuseLimits;
import dev.connect.oauth.application.OAuthPolicy;
import dev.connect.oauth.application.port.in.BootstrapAdminCommand;
import dev.connect.oauth.application.port.in.CheckReadinessUseCase;
import dev.connect.oauth.application.port.in.ClientAuthMetadata;
import dev.connect.oauth.application.port.in.CreateAccountCommand;
import dev.connect.oauth.application.port.in.CreatedAccount;
import dev.connect.oauth.application.port.in.GetJwkSetUseCase;
import dev.connect.oauth.application.port.in.Principal;
import dev.connect.oauth.application.port.in.RegisterClientCommand;
import dev.connect.oauth.application.port.in.RegisteredClient;
import dev.connect.oauth.application.testdata.TestApplication;
import dev.connect.oauth.testkit.testdata.TestAccounts;
import dev.connect.oauth.testkit.testdata.TestClients;
import dev.connect.oauth.testkit.testdata.TestCodes;
import dev.connect.oauth.testkit.testdata.TestIds;
import io.vertx.core.Vertx;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * The HTTP adapter on 127.0.0.1 and a random port, wired to the real use cases running in memory
 * ({@link TestApplication}), with a client to call it. One Vert.x instance serves every test.
 */
final class TestServer implements AutoCloseable {
    static final String ISSUER = TestApplication.ISSUER;
    /** The post-logout redirect URI of {@link #confidentialClient()}. */
    static final String POST_LOGOUT_URI = "https://app.example.com/signed-out";
    static final String API_RESOURCE = "https://api.example.com/";
    static final String FILES_RESOURCE = "https://files.example.com/v1";
    private static final Vertx VERTX = Vertx.vertx();
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    final TestApplication app;
    final HttpAdapter adapter;
    final int port;
    final int adminPort;
    private Principal admin;
    private String adminKey;

    private TestServer(TestApplication app, HttpSettings settings, HttpUseCases useCases, HttpTelemetry telemetry) {
        this.app = app;
        this.adapter = new HttpAdapter(useCases, settings, telemetry);
        this.port = await(adapter.listen(VERTX, "127.0.0.1", 0).toCompletionStage().toCompletableFuture());
        this.adminPort = await(adapter.listenAdmin(VERTX, "127.0.0.1", 0).toCompletionStage().toCompletableFuture());
    }

    static TestServer start() {
        return start(settings -> settings);
    }

    static TestServer start(UnaryOperator<HttpSettings.Builder> settings) {
        return start(AbuseLimits.defaults(), settings);
    }

    /** A server whose use cases apply {@code limits}. */
    static TestServer start(AbuseLimits limits, UnaryOperator<HttpSettings.Builder> settings) {
        TestApplication app = new TestApplication(OAuthPolicy.defaults(TestApplication.ISSUER), limits);
        return start(app, settings, useCases(app));
    }

    static TestServer start(TestApplication app, UnaryOperator<HttpSettings.Builder> settings, HttpUseCases useCases) {
        return start(app, settings, useCases, HttpTelemetry.standalone());
    }

    /** A server reporting to the given registry and tracer. */
    static TestServer start(TestApplication app, UnaryOperator<HttpSettings.Builder> settings, HttpUseCases useCases,
                            HttpTelemetry telemetry) {
        HttpSettings built = settings.apply(HttpSettings.builder(app.policy).clock(app.clock).serverInstances(1)
                .shutdownGrace(Duration.ofSeconds(5))).build();
        return new TestServer(app, built, useCases, telemetry);
    }

    static HttpUseCases useCases(TestApplication app) {
        return useCases(app, app.getJwkSet, app.checkReadiness);
    }

    /** The application's use cases, but these two: fakes that fail, block or watch their thread. */
    static HttpUseCases useCases(TestApplication app, GetJwkSetUseCase jwkSet, CheckReadinessUseCase readiness) {
        return new HttpUseCases(app.checkAuthorizationRequest, app.authorize, app.exchangeCode, app.refreshToken,
                app.issueClientCredentialsToken, app.describeToken, app.invalidateToken, app.revokeToken,
                app.introspectToken, jwkSet, app.signIn, app.resolveSession, app.signOut, app.authenticateApiKey,
                app.createAccount, app.issueApiKey, app.revokeApiKey, app.listConnections, app.disconnectClient,
                app.registerClient, app.listClients, app.getClient, app.rotateClientSecret, app.deleteClient,
                readiness, app.maintenance, app.maintenance, app.clientFailures, app.resolveSignIn, app.getUserInfo,
                app.planAuthorization, app.endSession, app.pushAuthorizationRequest, app.resolvePushedRequest,
                app.returnAfterSignIn, app.startDeviceAuthorization, app.exchangeDeviceCode,
                app.findDeviceAuthorization, app.decideDeviceAuthorization, app.dpopProofs, app.registerClientDynamically,
                app.manageClientRegistration);
    }

    @Override
    public void close() {
        await(adapter.close().toCompletionStage().toCompletableFuture());
    }

    // --- requests ------------------------------------------------------------------------------

    Reply get(String path, String... headers) {
        return send("GET", path, null, null, headers);
    }

    Reply post(String path, String contentType, String body, String... headers) {
        return send("POST", path, contentType, body == null ? null : body.getBytes(StandardCharsets.UTF_8), headers);
    }

    Reply postForm(String path, String form, String... headers) {
        return post(path, MediaTypes.FORM, form, headers);
    }

    Reply postJson(String path, String json, String... headers) {
        return post(path, MediaTypes.JSON, json, headers);
    }

    /** A GET on the admin listener. */
    Reply getAdmin(String path) {
        return send(adminPort, "GET", path, null, null);
    }

    /** Any method and body; {@code headers} are name-value pairs. */
    Reply send(String method, String path, String contentType, byte[] body, String... headers) {
        return send(port, method, path, contentType, body, headers);
    }

    private Reply send(int to, String method, String path, String contentType, byte[] body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + to + path))
                .timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Sends raw bytes (for requests no client library would build) and returns the whole answer;
     * the request should say {@code Connection: close} so that the server ends the exchange.
     */
    String raw(byte[] request) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            return answer.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String raw(String request) {
        return raw(request.getBytes(StandardCharsets.ISO_8859_1));
    }

    // --- test data -----------------------------------------------------------------------------

    /** An admin's API key, created once per server. */
    synchronized String adminKey() {
        adminPrincipal();
        return adminKey;
    }

    private synchronized Principal adminPrincipal() {
        if (admin == null) {
            CreatedAccount created = app.bootstrapAdmin.bootstrap(new BootstrapAdminCommand(
                    "admin-" + TestIds.identifier().toLowerCase() + "@example.com", "Admin", Optional.empty(), false))
                    .orElseThrow();
            adminKey = created.apiKey().key().value();
            admin = app.authenticateApiKey.authenticate(Optional.of(adminKey));
        }
        return admin;
    }

    /** A customer with {@link TestAccounts#PASSWORD}. */
    CreatedAccount customer() {
        return customer("user-" + TestIds.identifier().toLowerCase() + "@example.com");
    }

    CreatedAccount customer(String email) {
        return app.createAccount.create(new CreateAccountCommand(adminPrincipal(), Optional.of(email), Optional.empty(), Optional.of("Ada Lovelace"),
                Optional.of(TestAccounts.PASSWORD), Optional.of("customer")));
    }

    RegisteredClient confidentialClient() {
        return app.registerClient.register(new RegisterClientCommand(adminPrincipal(), Optional.of("Test App"),
                Optional.of(List.of(TestClients.REDIRECT_URI)), Optional.of(List.of("connect", "triggers")), Optional.of("confidential"),
                Optional.of(List.of(POST_LOGOUT_URI)), Optional.empty(), Optional.empty()));
    }

    /** A confidential client with the RFC 8707 resources {@link #API_RESOURCE} and {@link #FILES_RESOURCE}. */
    RegisteredClient clientWithResources() {
        return app.registerClient.register(new RegisterClientCommand(adminPrincipal(), Optional.of("Resource App"),
                Optional.of(List.of(TestClients.REDIRECT_URI)), Optional.of(List.of("connect", "triggers")),
                Optional.of("confidential"), Optional.of(List.of(POST_LOGOUT_URI)), Optional.empty(), Optional.empty(),
                Optional.empty(), ClientAuthMetadata.DEFAULTS, Optional.of(List.of(API_RESOURCE, FILES_RESOURCE))));
    }

    RegisteredClient publicClient() {
        return app.registerClient.register(new RegisterClientCommand(adminPrincipal(), Optional.of("Public App"),
                Optional.of(List.of(TestClients.REDIRECT_URI)), Optional.of(List.of("connect", "triggers")), Optional.of("public")));
    }

    /** An authorization code for the account, through the API-key form of the authorization endpoint. */
    String code(RegisteredClient client, CreatedAccount account, String scope) {
        Reply reply = get("/oauth/authorize?response_type=code&client_id=" + client.client().id().value()
                        + "&redirect_uri=" + FormCodec.encode(TestClients.REDIRECT_URI) + "&scope=" + FormCodec.encode(scope)
                        + "&state=xyz&code_challenge=" + TestCodes.CHALLENGE + "&code_challenge_method=S256",
                "ACCESSTOKEN", account.apiKey().key().value(), "Accept", "application/json");
        if (reply.status() != 200) {
            throw new IllegalStateException("authorize answered " + reply.status() + " " + reply.body());
        }
        return reply.json().getString("code");
    }

    /** Tokens for a fresh code, the client authenticating with HTTP Basic. */
    Reply exchange(RegisteredClient client, String code) {
        return postForm("/oauth/token", "grant_type=authorization_code&code=" + code + "&redirect_uri="
                        + FormCodec.encode(TestClients.REDIRECT_URI) + "&code_verifier=" + TestCodes.VERIFIER,
                "Authorization", basic(client));
    }

    static String basic(RegisteredClient client) {
        String pair = FormCodec.encode(client.client().id().value()) + ":" + FormCodec.encode(client.secret().orElse(""));
        return "Basic " + java.util.Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    private static <T> T await(java.util.concurrent.CompletableFuture<T> future) {
        try {
            return future.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
