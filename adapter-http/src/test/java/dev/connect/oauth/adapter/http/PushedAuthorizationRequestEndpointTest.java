package dev.connect.oauth.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connect.oauth.application.port.in.CreatedAccount;
import dev.connect.oauth.application.port.in.RegisteredClient;
import dev.connect.oauth.domain.ClientId;
import dev.connect.oauth.testkit.testdata.TestAccounts;
import dev.connect.oauth.testkit.testdata.TestClients;
import dev.connect.oauth.testkit.testdata.TestCodes;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Pushed authorization requests (RFC 9126) over HTTP: {@code POST /oauth/par}, then the
 * {@code request_uri} at both forms of {@code /oauth/authorize}, and clients that must push.
 */
class PushedAuthorizationRequestEndpointTest {
    private final TestServer server = TestServer.start();
    private final RegisteredClient client = server.confidentialClient();
    private final CreatedAccount account = server.customer();
    private final Browser browser = new Browser(server);

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void pushWhenValidThen201WithRequestUriAndLifetime() {
        Reply reply = push(client, request(client, "st-1"));

        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        assertThat(reply.json().fieldNames()).containsExactlyInAnyOrder("request_uri", "expires_in");
        assertThat(reply.json().getString("request_uri")).matches("urn:ietf:params:oauth:request_uri:[A-Za-z0-9_-]{43}");
        assertThat(reply.json().getLong("expires_in")).isEqualTo(60L);
        assertThat(reply.header("Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void pushWhenAtTheBarePathWithSecretInTheBodyThen201() {
        Reply reply = server.postForm("/par", request(client, "s") + "&client_secret="
                + FormCodec.encode(client.secret().orElseThrow()));

        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    }

    @Test
    void pushWhenSecretWrongThen401InvalidClient() {
        Reply reply = server.postForm("/oauth/par", request(client, "s") + "&client_secret=wrong");

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.json().getString("error")).isEqualTo("invalid_client");
    }

    @Test
    void pushWhenRequestUriInsideThen400InvalidRequest() {
        Reply reply = push(client, request(client, "s") + "&request_uri=" + FormCodec.encode("urn:ietf:params:oauth:request_uri:x"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().getString("error")).isEqualTo("invalid_request");
    }

    @Test
    void pushWhenRedirectUriNotRegisteredThen400JsonNeverRedirect() {
        Reply reply = push(client, request(client, "s").replace(FormCodec.encode(TestClients.REDIRECT_URI),
                FormCodec.encode("https://evil.example.com/cb")));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.header("Location")).isNull();
        assertThat(reply.json().getString("error")).isEqualTo("invalid_request");
    }

    @Test
    void pushWhenScopeNotAllowedThen400InvalidScope() {
        Reply reply = push(client, request(client, "s").replace("scope=connect", "scope=actions"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().getString("error")).isEqualTo("invalid_scope");
    }

    @Test
    void pushWhenPublicClientSendsItsIdThen201() {
        RegisteredClient spa = server.publicClient();

        assertThat(server.postForm("/oauth/par", request(spa, "s")).status()).isEqualTo(201);
    }

    @Test
    void authorizeWithApiKeyWhenRequestUriThenCodeOfThePushedRequestAndSecondUseRefused() {
        String requestUri = pushed(client, "pushed-state");

        Reply first = server.get(withRequestUri(client, requestUri) + "&state=ignored", apiKey());
        Reply second = server.get(withRequestUri(client, requestUri), apiKey());

        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().getString("state")).isEqualTo("pushed-state");
        assertThat(server.exchange(client, first.json().getString("code")).status()).isEqualTo(200);
        assertThat(second.status()).isEqualTo(400);
        assertThat(second.json().getString("error")).isEqualTo("invalid_request");
    }

    @Test
    void authorizeWhenRequestUriOfAnotherClientThen400PageNeverRedirect() {
        String requestUri = pushed(client, "s");
        RegisteredClient other = server.confidentialClient();

        Reply reply = browser.get(withRequestUri(other, requestUri));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.header("Location")).isNull();
        assertThat(server.get(withRequestUri(client, requestUri), apiKey()).status()).isEqualTo(200);
    }

    @Test
    void authorizeInTheBrowserWhenRequestUriThenThePagesCarryThePushedRequestToTheCode() {
        String requestUri = pushed(client, "st-b");

        Reply signInPage = browser.get(withRequestUri(client, requestUri));
        assertThat(signInPage.status()).as(signInPage.body()).isEqualTo(200);
        assertThat(Browser.hiddenFields(signInPage)).contains("state=st-b", "scope=connect+triggers")
                .noneMatch(field -> field.startsWith("request_uri="));
        Reply signedIn = signIn(signInPage);
        assertThat(signedIn.header("Location")).contains("state=st-b");
        Reply consent = browser.get(signedIn.header("Location"));
        Reply approved = browser.submit("/oauth/authorize/consent", consent, "decision=approve");

        Map<String, String> query = query(approved.header("Location"));
        assertThat(query).containsEntry("state", "st-b");
        assertThat(server.exchange(client, query.get("code")).status()).isEqualTo(200);
        assertThat(browser.get(withRequestUri(client, requestUri)).status()).isEqualTo(400);
    }

    @Test
    void authorizeWhenClientMustPushAndParametersSentDirectlyThenRedirectedInvalidRequest() {
        RegisteredClient strict = mustPush();

        Reply reply = browser.get("/oauth/authorize?" + request(strict, "st-d"));

        assertThat(reply.status()).isEqualTo(302);
        assertThat(query(reply.header("Location"))).containsEntry("error", "invalid_request").containsEntry("state", "st-d");
        assertThat(server.get("/oauth/authorize?" + request(strict, "st-d"), apiKey()).status()).isEqualTo(400);
    }

    @Test
    void authorizeWhenClientMustPushAndPushedThenSignInReturnsWithAFreshRequestUriAndTheCodeFollows() {
        RegisteredClient strict = mustPush();
        String requestUri = pushed(strict, "st-p");

        Reply signedIn = signIn(browser.get(withRequestUri(strict, requestUri)));
        Map<String, String> back = query(signedIn.header("Location"));
        assertThat(back.keySet()).containsExactlyInAnyOrder("client_id", "request_uri");
        assertThat(back.get("request_uri")).isNotEqualTo(requestUri);
        Reply consent = browser.get(signedIn.header("Location"));
        Reply approved = browser.submit("/oauth/authorize/consent", consent, "decision=approve");

        Map<String, String> query = query(approved.header("Location"));
        assertThat(query).containsEntry("state", "st-p");
        assertThat(server.exchange(strict, query.get("code")).status()).isEqualTo(200);
    }

    @Test
    void clientApiWhenRegisteredToPushThenTheMemberIsStoredAndShown() {
        RegisteredClient strict = mustPush();

        Reply read = server.get("/api/v1/clients/" + strict.client().id().value(), "ACCESSTOKEN", server.adminKey());

        assertThat(read.json().getBoolean("require_pushed_authorization_requests")).isTrue();
        Reply plain = server.get("/api/v1/clients/" + client.client().id().value(), "ACCESSTOKEN", server.adminKey());
        assertThat(plain.json().getBoolean("require_pushed_authorization_requests")).isFalse();
    }

    @Test
    void clientApiWhenMemberNotBooleanThen400() {
        Reply reply = server.postJson("/api/v1/clients", registration().put("require_pushed_authorization_requests", "yes")
                .encode(), "ACCESSTOKEN", server.adminKey());

        assertThat(reply.status()).isEqualTo(400);
    }

    @Test
    void metadataNamesTheEndpointInBothDocuments() {
        for (String path : new String[] {"/.well-known/oauth-authorization-server", "/.well-known/openid-configuration"}) {
            JsonObject metadata = server.get(path).json();

            assertThat(metadata.getString("pushed_authorization_request_endpoint")).isEqualTo(TestServer.ISSUER + "/oauth/par");
            assertThat(metadata.getBoolean("require_pushed_authorization_requests")).isFalse();
        }
    }

    @Test
    void metadataWhenServerRequiresPushingThenSaysSo() {
        try (TestServer strict = TestServer.start(settings -> settings.requirePushedAuthorizationRequests(true))) {
            assertThat(strict.get("/.well-known/oauth-authorization-server").json()
                    .getBoolean("require_pushed_authorization_requests")).isTrue();
        }
    }

    private RegisteredClient mustPush() {
        Reply registered = server.postJson("/api/v1/clients",
                registration().put("require_pushed_authorization_requests", true).encode(), "ACCESSTOKEN", server.adminKey());
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        assertThat(registered.json().getBoolean("require_pushed_authorization_requests")).isTrue();
        ClientId id = ClientId.parse(registered.json().getString("client_id"));
        return new RegisteredClient(server.app.ports.clients().findById(id).orElseThrow(), Optional.empty());
    }

    private static JsonObject registration() {
        return new JsonObject().put("name", "Strict App").put("type", "public")
                .put("redirect_uris", new JsonArray().add(TestClients.REDIRECT_URI))
                .put("scopes", new JsonArray().add("connect").add("triggers"));
    }

    private Reply signIn(Reply signInPage) {
        Reply signedIn = browser.submit("/oauth/authorize/sign-in", signInPage,
                "email=" + FormCodec.encode(account.account().email().value()),
                "password=" + FormCodec.encode(TestAccounts.PASSWORD));
        assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(303);
        return signedIn;
    }

    private Reply push(RegisteredClient pusher, String form) {
        return server.postForm("/oauth/par", form, "Authorization", TestServer.basic(pusher));
    }

    private String pushed(RegisteredClient pusher, String state) {
        Reply reply = pusher.secret().isPresent() ? push(pusher, request(pusher, state))
                : server.postForm("/oauth/par", request(pusher, state));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json().getString("request_uri");
    }

    private static String request(RegisteredClient client, String state) {
        return "response_type=code&client_id=" + client.client().id().value() + "&redirect_uri="
                + FormCodec.encode(TestClients.REDIRECT_URI) + "&scope=" + FormCodec.encode("connect triggers")
                + "&state=" + FormCodec.encode(state) + "&code_challenge=" + TestCodes.CHALLENGE
                + "&code_challenge_method=S256";
    }

    private static String withRequestUri(RegisteredClient client, String requestUri) {
        return "/oauth/authorize?client_id=" + client.client().id().value() + "&request_uri=" + FormCodec.encode(requestUri);
    }

    private String[] apiKey() {
        return new String[] {"ACCESSTOKEN", account.apiKey().key().value(), "Accept", "application/json"};
    }

    private static Map<String, String> query(String location) {
        return FormCodec.decodeQuery(URI.create(location).getRawQuery()).stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
