package dev.connect.oauth.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connect.oauth.application.AbuseLimits;
import dev.connect.oauth.application.port.in.CreatedAccount;
import dev.connect.oauth.application.port.in.RegisteredClient;
import dev.connect.oauth.testkit.testdata.TestAccounts;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DeviceGrantEndpointsTest {
    private static final String DEVICE_GRANT = FormCodec.encode("urn:ietf:params:oauth:grant-type:device_code");
    private static final String PASSWORD = FormCodec.encode(TestAccounts.PASSWORD);

    private final TestServer server = TestServer.start();
    private final RegisteredClient tv = server.publicClient();
    private final RegisteredClient confidential = server.confidentialClient();
    private final CreatedAccount account = server.customer();
    private final Browser browser = new Browser(server);

    @AfterEach
    void stop() {
        server.close();
    }

    private JsonObject start(String scope) {
        Reply reply = server.postForm("/oauth/device_authorization",
                "client_id=" + tv.client().id().value() + "&scope=" + FormCodec.encode(scope));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    private Reply poll(JsonObject started) {
        return server.postForm("/oauth/token", "grant_type=" + DEVICE_GRANT + "&device_code="
                + started.getString("device_code") + "&client_id=" + tv.client().id().value());
    }

    private Reply approveWithApiKey(String userCode, String decision) {
        return server.postJson("/api/v1/device/approve",
                new JsonObject().put("user_code", userCode).put("decision", decision).encode(),
                "ACCESSTOKEN", account.apiKey().key().value());
    }

    @Test
    void startThenTheCodesAndTheVerificationUris() {
        JsonObject started = start("connect");

        assertThat(started.getString("device_code")).matches("[A-Za-z0-9_-]{43}");
        assertThat(started.getString("user_code")).matches("[BCDFGHJKLMNPQRSTVWXZ]{4}-[BCDFGHJKLMNPQRSTVWXZ]{4}");
        assertThat(started.getString("verification_uri")).isEqualTo(TestServer.ISSUER + "/device");
        assertThat(started.getString("verification_uri_complete"))
                .isEqualTo(TestServer.ISSUER + "/device?user_code=" + started.getString("user_code"));
        assertThat(started.getLong("expires_in")).isEqualTo(600);
        assertThat(started.getLong("interval")).isEqualTo(5);
    }

    @Test
    void startWhenConfidentialClientWithBasicThenAccepted() {
        Reply reply = server.postForm("/oauth/device_authorization", "scope=connect",
                "Authorization", TestServer.basic(confidential));

        assertThat(reply.status()).isEqualTo(200);
    }

    @Test
    void startWhenBadClientOrScopeThenOAuthErrors() {
        Reply unknown = server.postForm("/oauth/device_authorization", "client_id=nobody");
        Reply wrongSecret = server.postForm("/oauth/device_authorization", "client_id="
                + confidential.client().id().value() + "&client_secret=wrong");
        Reply badScope = server.postForm("/oauth/device_authorization", "client_id=" + tv.client().id().value()
                + "&scope=admin");

        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.json().getString("error")).isEqualTo("invalid_client");
        assertThat(wrongSecret.status()).isEqualTo(401);
        assertThat(badScope.status()).isEqualTo(400);
        assertThat(badScope.json().getString("error")).isEqualTo("invalid_scope");
    }

    @Test
    void pollThenPendingSlowDownAndAfterTheApiApprovalTokensOnce() {
        JsonObject started = start("connect");

        Reply pending = poll(started);
        Reply tooSoon = poll(started);
        server.app.clock.advance(Duration.ofSeconds(10));
        Reply approval = approveWithApiKey(started.getString("user_code").toLowerCase(Locale.ROOT), "approve");
        Reply tokens = poll(started);
        server.app.clock.advance(Duration.ofSeconds(10));
        Reply again = poll(started);

        assertThat(pending.status()).isEqualTo(400);
        assertThat(pending.json().getString("error")).isEqualTo("authorization_pending");
        assertThat(pending.json().getInteger("code")).isEqualTo(400);
        assertThat(tooSoon.status()).isEqualTo(400);
        assertThat(tooSoon.json().getString("error")).isEqualTo("slow_down");
        assertThat(approval.status()).as(approval.body()).isEqualTo(200);
        assertThat(approval.json().getString("client_id")).isEqualTo(tv.client().id().value());
        assertThat(approval.json().getString("client_name")).isEqualTo("Public App");
        assertThat(approval.json().getString("decision")).isEqualTo("approve");
        assertThat(tokens.status()).as(tokens.body()).isEqualTo(200);
        assertThat(tokens.json().getString("token_type")).isEqualTo("Bearer");
        assertThat(tokens.json().getString("refresh_token")).isNotBlank();
        assertThat(tokens.json().getString("scope")).isEqualTo("connect");
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.json().getString("error")).isEqualTo("invalid_grant");
    }

    @Test
    void pollWhenDeniedThenAccessDeniedAndWhenExpiredThenExpiredToken() {
        JsonObject denied = start("connect");
        JsonObject expiring = start("connect");
        approveWithApiKey(denied.getString("user_code"), "deny");

        Reply refused = poll(denied);
        server.app.clock.advance(Duration.ofMinutes(10));
        Reply expired = poll(expiring);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().getString("error")).isEqualTo("access_denied");
        assertThat(expired.status()).isEqualTo(400);
        assertThat(expired.json().getString("error")).isEqualTo("expired_token");
    }

    @Test
    void apiApprovalWhenUnknownExpiredUsedOrMalformedThenDocumentedErrors() {
        JsonObject used = start("connect");
        approveWithApiKey(used.getString("user_code"), "approve");

        Reply unknown = approveWithApiKey("BCDF-GHJK", "approve");
        Reply again = approveWithApiKey(used.getString("user_code"), "deny");
        Reply badDecision = approveWithApiKey(used.getString("user_code"), "maybe");
        Reply extraMember = server.postJson("/api/v1/device/approve",
                "{\"user_code\":\"BCDF-GHJK\",\"decision\":\"approve\",\"scope\":\"admin\"}",
                "ACCESSTOKEN", account.apiKey().key().value());
        Reply noKey = server.postJson("/api/v1/device/approve", "{\"user_code\":\"BCDF-GHJK\",\"decision\":\"approve\"}");
        JsonObject expiring = start("connect");
        server.app.clock.advance(Duration.ofMinutes(10));
        Reply expired = approveWithApiKey(expiring.getString("user_code"), "approve");

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().getString("error")).isEqualTo("not_found");
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.json().getString("error")).isEqualTo("invalid_grant");
        assertThat(badDecision.status()).isEqualTo(400);
        assertThat(badDecision.json().getString("error")).isEqualTo("invalid_request");
        assertThat(extraMember.status()).isEqualTo(400);
        assertThat(noKey.status()).isEqualTo(401);
        assertThat(expired.status()).isEqualTo(400);
        assertThat(expired.json().getString("error")).isEqualTo("expired_token");
    }

    @Test
    void apiApprovalWhenTooManyWrongCodesThen429WithRetryAfter() {
        for (int i = 0; i < AbuseLimits.USER_CODE_FAILURES_PER_SOURCE; i++) {
            assertThat(approveWithApiKey("BCDF-GHJK", "approve").status()).isEqualTo(404);
        }

        Reply limited = approveWithApiKey("BCDF-GHJK", "approve");

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.json().getString("error")).isEqualTo("too_many_requests");
        assertThat(limited.header("Retry-After")).isEqualTo("900");
    }

    @Test
    void pageWhenNoSessionThenSignInThenCodePrefilledConsentAndApproval() {
        JsonObject started = start("connect triggers");
        String path = "/device?user_code=" + started.getString("user_code");

        Reply signIn = browser.get(path);
        assertThat(signIn.status()).isEqualTo(200);
        assertThat(signIn.body()).contains("action=\"/device/sign-in\"").contains("id=\"email\"");
        assertThat(Browser.hiddenFields(signIn)).contains("user_code=" + started.getString("user_code"));

        Reply signedIn = browser.submit("/device/sign-in", signIn, "email=" + FormCodec.encode(account.account().email().value()),
                "password=" + PASSWORD);
        assertThat(signedIn.status()).isEqualTo(303);
        assertThat(signedIn.header("Location")).isEqualTo(path);

        Reply consent = browser.get(signedIn.header("Location"));
        assertThat(consent.status()).isEqualTo(200);
        assertThat(consent.body()).contains("Public App").contains(started.getString("user_code"))
                .contains("id=\"approve\"").contains("id=\"deny\"").contains("id=\"scope-connect\"")
                .contains("action=\"/device/consent\"");

        Reply decided = browser.submit("/device/consent", consent, "decision=approve");
        assertThat(decided.status()).isEqualTo(200);
        assertThat(decided.body()).contains("Device connected");
        assertThat(poll(started).status()).isEqualTo(200);
    }

    @Test
    void pageWhenCodeTypedThenConsentAndDenial() {
        JsonObject started = start("connect");
        Reply signIn = browser.get("/device");
        browser.submit("/device/sign-in", signIn, "email=" + FormCodec.encode(account.account().email().value()),
                "password=" + PASSWORD);
        Reply form = browser.get("/device");
        assertThat(form.body()).contains("id=\"user_code\"").contains("action=\"/device\"");

        String typed = started.getString("user_code").replace("-", " ").toLowerCase(Locale.ROOT);
        Reply consent = browser.submit("/device", form, "user_code=" + FormCodec.encode(typed));
        Reply decided = browser.submit("/device/consent", consent, "decision=deny");

        assertThat(consent.body()).contains("id=\"approve\"");
        assertThat(decided.body()).contains("Request denied");
        assertThat(poll(started).json().getString("error")).isEqualTo("access_denied");
    }

    @Test
    void pageWhenWrongCodesThenTheFormSaysSoAndThenTheLimitInGerman() {
        Browser german = new Browser(server, "de-DE,de;q=0.9");
        Reply signIn = german.get("/device");
        german.submit("/device/sign-in", signIn, "email=" + FormCodec.encode(account.account().email().value()),
                "password=" + PASSWORD);
        Reply form = german.get("/device");

        Reply wrong = german.submit("/device", form, "user_code=BCDF-GHJK");
        for (int i = 1; i < AbuseLimits.USER_CODE_FAILURES_PER_SOURCE; i++) {
            german.submit("/device", form, "user_code=BCDF-GHJK");
        }
        Reply limited = german.submit("/device", form, "user_code=BCDF-GHJK");

        assertThat(wrong.status()).isEqualTo(200);
        assertThat(wrong.body()).contains("id=\"device-code-error\"").contains("Dieser Code ist nicht richtig")
                .contains("value=\"BCDF-GHJK\"");
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("Retry-After")).isEqualTo("900");
        assertThat(limited.body()).contains("Zu viele falsche Codes").contains("15 Minuten");
    }

    @Test
    void pageFormsWithoutTheCsrfTokenThenForbidden() {
        Reply reply = browser.post("/device", "user_code=BCDF-GHJK");

        assertThat(reply.status()).isEqualTo(403);
    }

    @Test
    void metadataThenDeviceEndpointAndGrantType() {
        for (String path : new String[]{"/.well-known/oauth-authorization-server", "/.well-known/openid-configuration"}) {
            JsonObject metadata = server.get(path).json();
            assertThat(metadata.getString("device_authorization_endpoint"))
                    .isEqualTo(TestServer.ISSUER + "/oauth/device_authorization");
            assertThat(metadata.getJsonArray("grant_types_supported").getList())
                    .contains("urn:ietf:params:oauth:grant-type:device_code");
        }
    }
}
