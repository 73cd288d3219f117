package dev.connect.oauth.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connect.oauth.application.port.in.CreatedAccount;
import dev.connect.oauth.application.port.out.TemporarilyUnavailableException;
import dev.connect.oauth.application.testdata.TestApplication;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every Connect code and every HTTP code of API.md §1, provoked over HTTP: the status, the
 * {@code {"error", "error_description", "code"}} body and the headers each one needs.
 */
class ErrorMappingTest {
    private final TestServer server = TestServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void whenApiKeyMissingThen2032() {
        assertConnectError(server.get("/api/v1/accounts/me"), 401, "api_key_required", 2032);
    }

    @Test
    void whenApiKeyMalformedThen2038() {
        assertConnectError(server.get("/api/v1/accounts/me", "ACCESSTOKEN", "not-a-key"), 401, "malformed_api_key", 2038);
    }

    @Test
    void whenApiKeyUnknownThen2036() {
        assertConnectError(server.get("/api/v1/accounts/me", "ACCESSTOKEN", "ck_" + "A".repeat(43)),
                401, "invalid_api_key", 2036);
    }

    @Test
    void whenApiKeyRevokedThen2036() {
        CreatedAccount account = server.customer();
        String key = account.apiKey().key().value();
        String id = account.apiKey().issued().id().value();

        assertThat(server.send("DELETE", "/api/v1/accounts/me/api-keys/" + id, null, null, "ACCESSTOKEN", key).status())
                .isEqualTo(204);
        assertConnectError(server.get("/api/v1/accounts/me", "ACCESSTOKEN", key), 401, "invalid_api_key", 2036);
    }

    @Test
    void whenAccountCreatedWithoutEmailThen2034() {
        assertConnectError(createAccount("{\"name\":\"No Email\"}"), 400, "email_required", 2034);
    }

    @Test
    void whenEmailInvalidThen2041() {
        assertConnectError(createAccount("{\"name\":\"Bad\",\"email\":\"not-an-email\"}"), 400, "email_invalid", 2041);
    }

    @Test
    void whenEmailTakenInAnyCaseThen2039() {
        assertThat(createAccount("{\"name\":\"First\",\"email\":\"ada@example.com\"}").status()).isEqualTo(201);

        assertConnectError(createAccount("{\"name\":\"Second\",\"email\":\"ADA@Example.com\"}"), 409, "email_exists", 2039);
    }

    @Test
    void whenPhoneTakenThen2040() {
        assertThat(createAccount("{\"name\":\"First\",\"email\":\"a@example.com\",\"phone\":\"+44 20 7946 0958\"}").status())
                .isEqualTo(201);

        assertConnectError(createAccount("{\"name\":\"Second\",\"email\":\"b@example.com\",\"phone\":\"0044 (20) 79460958\"}"),
                409, "phone_exists", 2040);
    }

    @Test
    void whenCustomerCallsAdminMethodThen403() {
        String key = server.customer().apiKey().key().value();

        Reply reply = server.get("/api/v1/clients", "ACCESSTOKEN", key);

        assertConnectError(reply, 403, "forbidden", 403);
        assertThat(reply.json().getString("error_description")).contains("administrators only");
    }

    @Test
    void whenBearerTokenMissingThen401WithBearerChallenge() {
        Reply reply = server.get("/oauth/info");

        assertConnectError(reply, 401, "invalid_token", 401);
        assertThat(reply.header("WWW-Authenticate")).isEqualTo("Bearer error=\"invalid_token\"");
    }

    @Test
    void whenTokenLacksConnectScopeThen403InsufficientScope() {
        var client = server.confidentialClient();
        String code = server.code(client, server.customer(), "triggers");
        String token = server.exchange(client, code).json().getString("access_token");

        Reply reply = server.get("/oauth/info", "Authorization", "Bearer " + token);

        assertConnectError(reply, 403, "insufficient_scope", 403);
        assertThat(reply.header("WWW-Authenticate")).isEqualTo("Bearer error=\"insufficient_scope\"");
        assertThat(reply.json().getString("error_description")).isEqualTo("Missing Scope.");
    }

    @Test
    void whenStoreDownThen503WithRetryAfter() {
        server.app.store.setAvailable(false);

        Reply reply = server.postForm("/oauth/token", "grant_type=client_credentials&client_id=x&client_secret=y");

        assertConnectError(reply, 503, "temporarily_unavailable", 503);
        assertThat(reply.header("Retry-After")).isEqualTo("30");
        assertThat(reply.body()).doesNotContain("in-memory");
    }

    @Test
    void whenAnAdapterIsAtCapacityThen503WithItsRetryAfter() {
        TestApplication app = new TestApplication();
        HttpUseCases busy = TestServer.useCases(app, () -> {
            throw new TemporarilyUnavailableException("hashing at capacity", Optional.of(Duration.ofSeconds(1)), null);
        }, app.checkReadiness);
        try (TestServer full = TestServer.start(app, settings -> settings, busy)) {
            Reply reply = full.get("/oauth/jwks");

            assertConnectError(reply, 503, "temporarily_unavailable", 503);
            assertThat(reply.header("Retry-After")).isEqualTo("1");
            assertThat(reply.body()).doesNotContain("hashing");
        }
    }

    @Test
    void whenSomethingUnexpectedFailsThen500WithRequestIdAndNoDetail() {
        TestApplication app = new TestApplication();
        HttpUseCases broken = TestServer.useCases(app, () -> {
            throw new IllegalStateException("secret detail at com.example.Internal");
        }, app.checkReadiness);
        try (TestServer failing = TestServer.start(app, settings -> settings, broken)) {
            Reply reply = failing.get("/oauth/jwks", "X-Request-Id", "req-500");

            assertConnectError(reply, 500, "server_error", 500);
            assertThat(reply.json().getString("error_description")).contains("req-500");
            assertThat(reply.body()).doesNotContain("secret detail").doesNotContain("Exception").doesNotContain("at com.");
        }
    }

    private Reply createAccount(String json) {
        return server.postJson("/api/v1/accounts", json, "ACCESSTOKEN", server.adminKey());
    }

    static void assertConnectError(Reply reply, int status, String error, int code) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
        JsonObject body = reply.json();
        assertThat(body.fieldNames()).containsExactlyInAnyOrder("error", "error_description", "code");
        assertThat(body.getString("error")).isEqualTo(error);
        assertThat(body.getInteger("code")).isEqualTo(code);
        assertThat(body.getString("error_description")).isNotBlank();
    }
}
