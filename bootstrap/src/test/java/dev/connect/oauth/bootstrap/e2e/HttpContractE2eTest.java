package dev.connect.oauth.bootstrap.e2e;

import static dev.connect.oauth.bootstrap.e2e.OAuthClient.success;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import dev.connect.oauth.bootstrap.e2e.E2eServer.Customer;
import dev.connect.oauth.bootstrap.e2e.E2eServer.TestClient;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every row of API.md §1 over HTTP against the real server: each Connect code, each HTTP code the
 * server can be made to answer (500 cannot be provoked from outside, and 429 has its own server
 * in {@link RateLimitE2eTest}), the X-VERSION cases, request ids, {@code Cache-Control: no-store}
 * and the one error shape.
 */
class HttpContractE2eTest {
    private static final String JSON_UTF8 = "application/json; charset=utf-8";
    private static final String ME = "/api/v1/accounts/me";
    private static final String METADATA = "/.well-known/oauth-authorization-server";
    private static final String PHONE = "+14155550100";
    private static final String NOTICE =
            "Version update available. Please adjust your integration to the latest stable version (1.8.0)";

    @Nested
    @DisplayName("HTTP contract on H2")
    class OnH2 extends Contract {
        OnH2() {
            super(Backend.H2);
        }
    }

    @Nested
    @DisplayName("HTTP contract on MariaDB")
    class OnMariaDb extends Contract {
        OnMariaDb() {
            super(Backend.MARIADB);
        }
    }

    /** One error answer of the contract: what to send and what must come back. */
    record Row(Supplier<Reply> call, int status, String error, int code, Map<String, String> headers) {
    }

    abstract static class Contract extends ServerSuite {
        private Customer customer;
        private TestClient client;
        private String revokedKey;
        private String tokenWithoutConnect;

        Contract(Backend backend) {
            super(backend);
        }

        @Override
        void setUp(Path dir) throws Exception {
            customer = server.createCustomer("correct horse battery staple");
            client = server.registerClient("confidential", URI.create("http://127.0.0.1/e2e/callback"),
                    List.of("connect", "triggers"));
            Reply withPhone = createAccount(new JsonObject().put("email", "phone-owner@e2e.example")
                    .put("name", "Phone Owner").put("phone", PHONE));
            assertThat(withPhone.status()).as("account with phone: %s", withPhone).isEqualTo(201);
            revokedKey = revokedKey();
            tokenWithoutConnect = accessToken(new Scope("triggers"));
        }

        Stream<Named<Row>> connectCodes() {
            return Stream.of(
                    row("2032 no ACCESSTOKEN header", () -> server.request("GET", ME).send(),
                            401, "api_key_required", 2032),
                    row("2034 account without email", () -> createAccount(new JsonObject().put("name", "No Email")),
                            400, "email_required", 2034),
                    row("2036 well-formed but unknown key", () -> server.request("GET", ME).apiKey(E2eServer.newApiKey()).send(),
                            401, "invalid_api_key", 2036),
                    row("2036 revoked key", () -> server.request("GET", ME).apiKey(revokedKey).send(),
                            401, "invalid_api_key", 2036),
                    row("2038 key not in the issued format", () -> server.request("GET", ME).apiKey("ck_short").send(),
                            401, "malformed_api_key", 2038),
                    row("2039 email taken, in another case", () -> createAccount(new JsonObject()
                                    .put("email", customer.email().toUpperCase(Locale.ROOT)).put("name", "Twin")),
                            409, "email_exists", 2039),
                    row("2040 phone taken, written another way", () -> createAccount(new JsonObject()
                                    .put("email", "other-phone@e2e.example").put("name", "Twin").put("phone", "001 (415) 555-0100")),
                            409, "phone_exists", 2040),
                    row("2041 email not valid", () -> createAccount(new JsonObject().put("email", "not-an-email").put("name", "X")),
                            400, "email_invalid", 2041));
        }

        Stream<Named<Row>> httpCodes() {
            return Stream.of(
                    row("400 token request without grant_type", () -> token("client_id", client.id()),
                            400, "invalid_request", 400),
                    row("400 unsupported grant type", () -> token("grant_type", "password", "client_id", client.id()),
                            400, "unsupported_grant_type", 400),
                    row("400 body that is not JSON", () -> server.request("POST", "/api/v1/accounts").apiKey(server.adminKey())
                                    .body("application/json", "{\"email\": ").send(),
                            400, "invalid_request", 400),
                    row("401 wrong client secret over Basic", () -> server.request("POST", "/oauth/token")
                                    .basic(client.id(), "wrong-secret").form("grant_type", "client_credentials").send(),
                            401, "invalid_client", 401, Map.of("WWW-Authenticate",
                                    "Basic realm=\"connect\", charset=\"UTF-8\"")),
                    row("401 /oauth/info without a token", () -> server.request("GET", "/oauth/info").send(),
                            401, "invalid_token", 401, Map.of("WWW-Authenticate", "Bearer error=\"invalid_token\"")),
                    row("401 /info (bare path) with a forged token", () -> server.request("GET", "/info").bearer("e30.e30.AAAA").send(),
                            401, "invalid_token", 401, Map.of("WWW-Authenticate", "Bearer error=\"invalid_token\"")),
                    row("403 customer key on an admin method", () -> server.request("POST", "/api/v1/clients")
                                    .apiKey(customer.apiKey()).json(new JsonObject().put("name", "Nope")).send(),
                            403, "forbidden", 403),
                    row("403 /info with a token lacking connect", () -> server.request("GET", "/oauth/info")
                                    .bearer(tokenWithoutConnect).send(),
                            403, "insufficient_scope", 403,
                                    Map.of("WWW-Authenticate", "Bearer error=\"insufficient_scope\"")),
                    row("404 unknown path, even for a browser", () -> server.request("GET", "/no/such/path")
                                    .header("Accept", "text/html").send(),
                            404, "not_found", 404),
                    row("404 unknown client", () -> server.request("GET", "/api/v1/clients/no-such-client")
                                    .apiKey(server.adminKey()).send(),
                            404, "not_found", 404),
                    row("405 DELETE /oauth/token", () -> server.request("DELETE", "/oauth/token").send(),
                            405, "method_not_allowed", 405, Map.of("Allow", "POST")),
                    row("405 PUT /invalidate (bare path)", () -> server.request("PUT", "/invalidate").send(),
                            405, "method_not_allowed", 405, Map.of("Allow", "GET, POST")),
                    row("406 API endpoint asked for HTML", () -> server.request("GET", ME).apiKey(customer.apiKey())
                                    .header("Accept", "text/html").send(),
                            406, "not_acceptable", 406),
                    row("501 a method the server does not implement", () -> server.request("PROPFIND", "/oauth/token").send(),
                            501, "not_supported", 501),
                    row("410 X-VERSION below the minimum", () -> versioned("0.9.9"),
                            410, "version_gone", 410),
                    row("400 X-VERSION malformed", () -> versioned("1.8"), 400, "bad_request", 400),
                    row("400 X-VERSION not numeric", () -> versioned("latest"), 400, "bad_request", 400),
                    row("400 X-VERSION newer than the latest", () -> versioned("1.9.0"), 400, "bad_request", 400));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("connectCodes")
        void connectCodeWhenProvokedThenItsStatusAndErrorBody(Row row) {
            assertErrorRow(row);
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("httpCodes")
        void httpCodeWhenProvokedThenItsStatusAndErrorBody(Row row) {
            assertErrorRow(row);
        }

        @Test
        void maintenanceWhenSwitchedOnThen503WithRetryAfterExceptHealth() {
            assertThat(maintenance(true).json().getBoolean("enabled")).isTrue();
            try {
                Reply metadata = server.request("GET", METADATA).send();
                assertErrorShape(metadata, 503, "temporarily_unavailable", 503);
                assertThat(Integer.parseInt(metadata.header("Retry-After"))).isPositive();
                assertErrorShape(token("grant_type", "client_credentials", "client_id", client.id()),
                        503, "temporarily_unavailable", 503);
                assertThat(server.request("GET", "/health/live").send().status()).isEqualTo(200);
                assertThat(server.request("GET", "/health/ready").send().status()).isEqualTo(200);
            } finally {
                assertThat(maintenance(false).json().getBoolean("enabled")).isFalse();
            }
            assertThat(server.request("GET", METADATA).send().status()).isEqualTo(200);
        }

        @Test
        void adminMethodWhenCustomerCallsThenSaysItIsForAdministrators() {
            Reply reply = server.request("GET", "/api/v1/clients").apiKey(customer.apiKey()).send();

            assertErrorShape(reply, 403, "forbidden", 403);
            assertThat(reply.json().getString("error_description")).contains("hidden for administrators only");
        }

        @Test
        void versionWhenAbsentThenLatestServedWithoutNotice() {
            Reply reply = server.request("GET", ME).apiKey(customer.apiKey()).send();

            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.header("X-VERSION")).isEqualTo("1.8.0");
            assertThat(reply.header("X-VERSION-NOTICE")).isNull();
        }

        @Test
        void versionWhenLatestAskedThenServedWithoutNotice() {
            Reply reply = versioned("1.8.0");

            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.header("X-VERSION")).isEqualTo("1.8.0");
            assertThat(reply.header("X-VERSION-NOTICE")).isNull();
        }

        @ParameterizedTest
        @ValueSource(strings = {"1.0.0", "1.2.3", "1.7.9"})
        void versionWhenOlderButSupportedThenServedAsAskedWithNotice(String version) {
            Reply reply = versioned(version);

            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.header("X-VERSION")).isEqualTo(version);
            assertThat(reply.header("X-VERSION-NOTICE")).isEqualTo(NOTICE);
            assertThat(reply.json().getString("email")).isEqualTo(customer.email());
        }

        @Test
        void requestIdWhenSaneOneSentThenEchoed() {
            assertThat(server.request("GET", METADATA).header("X-Request-Id", "e2e-trace.0042").send().header("X-Request-Id"))
                    .isEqualTo("e2e-trace.0042");
            assertThat(server.request("GET", "/no/such/path").header("X-Request-Id", "e2e-trace.0043").send()
                    .header("X-Request-Id")).isEqualTo("e2e-trace.0043");
        }

        @Test
        void requestIdWhenAbsentOrUnsafeThenAFreshOne() {
            String first = server.request("GET", METADATA).send().header("X-Request-Id");
            String second = server.request("GET", METADATA).send().header("X-Request-Id");
            String unsafe = server.request("GET", METADATA).header("X-Request-Id", "<script>\"x\"</script>").send()
                    .header("X-Request-Id");

            assertThat(first).isNotBlank().isNotEqualTo(second);
            assertThat(unsafe).isNotBlank().doesNotContain("<", "\"");
        }

        @Test
        void tokenResponsesWhenSuccessOrErrorThenNoStore() {
            Reply issued = server.request("POST", "/oauth/token").basic(client.id(), client.secret().orElseThrow())
                    .form("grant_type", "client_credentials", "scope", "triggers").send();
            Reply refused = server.request("POST", "/token").basic(client.id(), client.secret().orElseThrow())
                    .form("grant_type", "refresh_token", "refresh_token", "never-issued").send();

            assertThat(issued.status()).isEqualTo(200);
            assertThat(issued.header("Cache-Control")).isEqualTo("no-store");
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.header("Cache-Control")).isEqualTo("no-store");
        }

        @Test
        void apiKeyWhenIssuedThenCreationAnswerNotCached() {
            Reply created = server.request("POST", "/api/v1/accounts/me/api-keys").apiKey(customer.apiKey()).send();

            assertThat(created.status()).isEqualTo(201);
            assertThat(created.header("Cache-Control")).isEqualTo("no-store");
        }

        private void assertErrorRow(Row row) {
            Reply reply = row.call().get();
            assertErrorShape(reply, row.status(), row.error(), row.code());
            row.headers().forEach((name, value) -> assertThat(reply.header(name)).as(name).isEqualTo(value));
        }

        private Reply createAccount(JsonObject account) {
            return server.request("POST", "/api/v1/accounts").apiKey(server.adminKey()).json(account).send();
        }

        private Reply token(String... form) {
            return server.request("POST", "/oauth/token").form(form).send();
        }

        private Reply versioned(String version) {
            return server.request("GET", ME).apiKey(customer.apiKey()).header("X-VERSION", version).send();
        }

        private Reply maintenance(boolean enabled) {
            Reply reply = server.request("PUT", "/api/v1/maintenance").apiKey(server.adminKey())
                    .json(new JsonObject().put("enabled", enabled)).send();
            assertThat(reply.status()).as("maintenance switch: %s", reply).isEqualTo(200);
            return reply;
        }

        /** A key of the customer's, issued and then revoked. */
        private String revokedKey() {
            Reply issued = server.request("POST", "/api/v1/accounts/me/api-keys").apiKey(customer.apiKey()).send();
            assertThat(issued.status()).as("issue key: %s", issued).isEqualTo(201);
            Reply revoked = server.request("DELETE", "/api/v1/accounts/me/api-keys/" + issued.json().getString("id"))
                    .apiKey(customer.apiKey()).send();
            assertThat(revoked.status()).as("revoke key: %s", revoked).isEqualTo(204);
            return issued.json().getString("api_key");
        }

        private String accessToken(Scope scope) throws Exception {
            OAuthClient oauth = new OAuthClient(server);
            CodeVerifier verifier = new CodeVerifier();
            AuthorizationCode code = oauth.authorizeWithApiKey(client, customer, scope, verifier);
            return success(oauth.token(client.basic(), oauth.codeGrant(code, client, verifier))).getAccessToken().getValue();
        }

        private static Named<Row> row(String name, Supplier<Reply> call, int status, String error, int code) {
            return row(name, call, status, error, code, Map.of());
        }

        private static Named<Row> row(String name, Supplier<Reply> call, int status, String error, int code,
                                      Map<String, String> headers) {
            return Named.of(name, new Row(call, status, error, code, headers));
        }
    }

    /** API.md §1: JSON with exactly error, error_description and code; the common headers on every answer. */
    static void assertErrorShape(Reply reply, int status, String error, int code) {
        assertThat(reply.status()).as("status of %s", reply).isEqualTo(status);
        assertThat(reply.header("Content-Type")).isEqualTo(JSON_UTF8);
        JsonObject body = reply.json();
        assertThat(body.fieldNames()).containsExactlyInAnyOrder("error", "error_description", "code");
        assertThat(body.getString("error")).isEqualTo(error);
        assertThat(body.getInteger("code")).isEqualTo(code);
        assertThat(body.getString("error_description")).isNotBlank();
        assertThat(reply.header("X-Request-Id")).isNotBlank();
        assertThat(reply.header("X-VERSION")).isNotBlank();
        assertThat(reply.header("Cache-Control")).isEqualTo("no-store");
    }
}
