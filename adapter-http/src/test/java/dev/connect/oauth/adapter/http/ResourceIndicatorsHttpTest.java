package dev.connect.oauth.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connect.oauth.application.port.in.CreatedAccount;
import dev.connect.oauth.application.port.in.RegisteredClient;
import dev.connect.oauth.testkit.testdata.TestAccounts;
import dev.connect.oauth.testkit.testdata.TestClients;
import dev.connect.oauth.testkit.testdata.TestCodes;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** RFC 8707 over HTTP: repeatable {@code resource} at both endpoints and through the pages, {@code invalid_target}, {@code aud}. */
class ResourceIndicatorsHttpTest {
    private static final String API = FormCodec.encode(TestServer.API_RESOURCE);
    private static final String FILES = FormCodec.encode(TestServer.FILES_RESOURCE);

    private final TestServer server = TestServer.start();
    private final RegisteredClient client = server.clientWithResources();
    private final CreatedAccount account = server.customer();
    private final Browser browser = new Browser(server);

    @AfterEach
    void stop() {
        server.close();
    }

    private String authorizeQuery(String more) {
        return "/oauth/authorize?response_type=code&client_id=" + client.client().id().value() + "&redirect_uri="
                + FormCodec.encode(TestClients.REDIRECT_URI) + "&scope=connect&state=s1&code_challenge="
                + TestCodes.CHALLENGE + "&code_challenge_method=S256" + more;
    }

    private Reply token(String form) {
        return server.postForm("/oauth/token", form, "Authorization", TestServer.basic(client));
    }

    private Reply exchange(String code, String more) {
        return token("grant_type=authorization_code&code=" + code + "&redirect_uri="
                + FormCodec.encode(TestClients.REDIRECT_URI) + "&code_verifier=" + TestCodes.VERIFIER + more);
    }

    private List<String> audienceOf(Reply tokens) {
        return server.app.codec.claimsOf(tokens.json().getString("access_token")).orElseThrow().audience();
    }

    private String apiKeyCode(String more) {
        Reply reply = server.get(authorizeQuery(more), "ACCESSTOKEN", account.apiKey().key().value(),
                "Accept", "application/json");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json().getString("code");
    }

    @Test
    void apiKeyFormWhenTwoResourcesThenCodeBoundToBothAndTokenNarrowedToOne() {
        String code = apiKeyCode("&resource=" + API + "&resource=" + FILES);

        Reply all = exchange(code, "");
        Reply narrowed = token("grant_type=refresh_token&refresh_token="
                + all.json().getString("refresh_token") + "&resource=" + FILES);

        assertThat(audienceOf(all)).containsExactly(TestServer.API_RESOURCE, TestServer.FILES_RESOURCE);
        assertThat(narrowed.status()).isEqualTo(200);
        assertThat(audienceOf(narrowed)).containsExactly(TestServer.FILES_RESOURCE);
    }

    @Test
    void apiKeyFormWhenResourceNotRegisteredThenInvalidTargetAsJson() {
        Reply reply = server.get(authorizeQuery("&resource=" + FormCodec.encode("https://elsewhere.example/")),
                "ACCESSTOKEN", account.apiKey().key().value(), "Accept", "application/json");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().getString("error")).isEqualTo("invalid_target");
        assertThat(reply.json().getString("state")).isEqualTo("s1");
    }

    @Test
    void browserFlowWhenResourcesThenCarriedThroughSignInAndConsentIntoTheCode() {
        Reply signInPage = browser.get(authorizeQuery("&resource=" + API + "&resource=" + FILES));
        Reply signedIn = browser.submit("/oauth/authorize/sign-in", signInPage,
                "email=" + FormCodec.encode(account.account().email().value()),
                "password=" + FormCodec.encode(TestAccounts.PASSWORD));
        Reply consent = browser.get(signedIn.header("Location"));
        Reply approved = browser.submit("/oauth/authorize/consent", consent, "decision=approve");

        assertThat(signedIn.header("Location")).contains("resource=" + API).contains("resource=" + FILES);
        assertThat(approved.status()).isEqualTo(302);
        Reply tokens = exchange(query(approved.header("Location")).get("code"), "&resource=" + API);
        assertThat(audienceOf(tokens)).containsExactly(TestServer.API_RESOURCE);
    }

    @Test
    void browserFlowWhenResourceNotRegisteredThenRedirectedInvalidTarget() {
        Reply reply = browser.get(authorizeQuery("&resource=" + FormCodec.encode("urn:not:registered")));

        assertThat(reply.status()).isEqualTo(302);
        assertThat(query(reply.header("Location"))).containsEntry("error", "invalid_target").containsEntry("state", "s1");
    }

    @Test
    void tokenWhenResourceNotBoundOrNotRegisteredThenInvalidTarget() {
        Reply unbound = exchange(apiKeyCode("&resource=" + API), "&resource=" + FILES);
        Reply credentials = token("grant_type=client_credentials&resource=" + FormCodec.encode("https://x.example/"));

        assertThat(unbound.status()).isEqualTo(400);
        assertThat(unbound.json().getString("error")).isEqualTo("invalid_target");
        assertThat(credentials.status()).isEqualTo(400);
        assertThat(credentials.json().getString("error")).isEqualTo("invalid_target");
    }

    @Test
    void clientCredentialsWhenTwoResourcesThenIntrospectionShowsThemAsAud() {
        Reply tokens = token("grant_type=client_credentials&resource=" + API + "&resource=" + FILES);
        Reply single = token("grant_type=client_credentials&resource=" + FILES);

        JsonObject both = introspect(tokens.json().getString("access_token"));
        JsonObject one = introspect(single.json().getString("access_token"));

        assertThat(both.getJsonArray("aud").getList()).containsExactly(TestServer.API_RESOURCE, TestServer.FILES_RESOURCE);
        assertThat(one.getString("aud")).isEqualTo(TestServer.FILES_RESOURCE);
    }

    @Test
    void registrationWhenResourcesThenShownInTheClientJson() {
        Reply reply = server.get("/api/v1/clients/" + client.client().id().value(), "ACCESSTOKEN",
                server.adminKey(), "Accept", "application/json");

        assertThat(reply.json().getJsonArray("resources").getList())
                .containsExactly(TestServer.API_RESOURCE, TestServer.FILES_RESOURCE);
    }

    private JsonObject introspect(String token) {
        Reply reply = server.postForm("/oauth/introspect", "token=" + token, "Authorization", TestServer.basic(client));
        assertThat(reply.status()).isEqualTo(200);
        return reply.json();
    }

    private static Map<String, String> query(String location) {
        return FormCodec.decodeQuery(URI.create(location).getRawQuery()).stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (first, second) -> first));
    }
}
