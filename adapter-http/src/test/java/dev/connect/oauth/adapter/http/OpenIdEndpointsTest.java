package dev.connect.oauth.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connect.oauth.application.port.in.CreatedAccount;
import dev.connect.oauth.application.port.in.RegisteredClient;
import dev.connect.oauth.application.port.out.IdTokenClaims;
import dev.connect.oauth.testkit.testdata.TestAccounts;
import dev.connect.oauth.application.testdata.TestApplication;
import dev.connect.oauth.testkit.testdata.TestClients;
import dev.connect.oauth.testkit.testdata.TestCodes;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * OpenID Connect over HTTP: the provider configuration, {@code id_token} in the token response,
 * UserInfo (GET and POST, its bearer errors), {@code iss} in authorization responses (RFC 9207),
 * and the request's parameters ({@code nonce} and any other) carried through the pages.
 */
class OpenIdEndpointsTest {
    private static final String PASSWORD = FormCodec.encode(TestAccounts.PASSWORD);

    private final TestServer server = TestServer.start();
    private final RegisteredClient client = server.confidentialClient();
    private final CreatedAccount account = server.customer();
    private final Browser browser = new Browser(server);

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void openIdConfigurationNamesUserInfoEs256SubjectTypesAndIss() {
        Reply reply = server.get("/.well-known/openid-configuration");

        assertThat(reply.status()).isEqualTo(200);
        JsonObject metadata = reply.json();
        assertThat(metadata.getString("issuer")).isEqualTo(TestApplication.ISSUER);
        assertThat(metadata.getString("userinfo_endpoint")).isEqualTo(TestApplication.ISSUER + "/oauth/userinfo");
        assertThat(metadata.getString("authorization_endpoint")).isEqualTo(TestApplication.ISSUER + "/oauth/authorize");
        assertThat(metadata.getJsonArray("id_token_signing_alg_values_supported").getList()).containsExactly("ES256");
        assertThat(metadata.getJsonArray("subject_types_supported").getList()).containsExactly("public", "pairwise");
        assertThat(metadata.getJsonArray("response_types_supported").getList()).containsExactly("code");
        assertThat(metadata.getJsonArray("scopes_supported").getList()).contains("openid", "profile", "email", "phone");
        assertThat(metadata.getBoolean("authorization_response_iss_parameter_supported")).isTrue();
    }

    @Test
    void tokenWhenOpenIdThenIdTokenBesideTheAccessToken() {
        Reply tokens = server.exchange(client, server.code(client, account, "openid connect"));

        assertThat(tokens.status()).isEqualTo(200);
        IdTokenClaims claims = server.app.idTokenSigner.claimsOf(tokens.json().getString("id_token")).orElseThrow();
        assertThat(claims.subject()).isEqualTo(account.account().id().value());
        assertThat(claims.audience()).isEqualTo(client.client().id());
    }

    @Test
    void tokenWhenNotOpenIdThenNoIdToken() {
        Reply tokens = server.exchange(client, server.code(client, account, "connect"));

        assertThat(tokens.json().fieldNames()).doesNotContain("id_token");
    }

    @Test
    void userInfoWhenGetOrPostWithBearerThenClaimsOfTheScopes() {
        String accessToken = server.exchange(client, server.code(client, account, "openid email"))
                .json().getString("access_token");

        Reply get = server.get("/oauth/userinfo", "Authorization", "Bearer " + accessToken);
        Reply post = server.post("/oauth/userinfo", null, "", "Authorization", "Bearer " + accessToken);

        JsonObject expected = new JsonObject().put("sub", account.account().id().value())
                .put("email", account.account().email().value());
        assertThat(get.status()).isEqualTo(200);
        assertThat(get.json()).isEqualTo(expected);
        assertThat(post.status()).isEqualTo(200);
        assertThat(post.json()).isEqualTo(expected);
        assertThat(get.header("Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void userInfoWhenTokenUnknownThen401WithBearerChallenge() {
        Reply reply = server.get("/oauth/userinfo", "Authorization", "Bearer unknown");

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.header("WWW-Authenticate")).isEqualTo("Bearer error=\"invalid_token\"");
    }

    @Test
    void userInfoWhenTokenWithoutOpenIdThen403InsufficientScope() {
        String accessToken = server.exchange(client, server.code(client, account, "connect"))
                .json().getString("access_token");

        Reply reply = server.get("/oauth/userinfo", "Authorization", "Bearer " + accessToken);

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.header("WWW-Authenticate")).isEqualTo("Bearer error=\"insufficient_scope\"");
    }

    @Test
    void authorizeWithApiKeyWhenRefusedThenJsonErrorCarriesStateAndIssuer() {
        Reply reply = server.get(authorizeUrl("tests", "&state=s-9"),
                "ACCESSTOKEN", account.apiKey().key().value(), "Accept", "application/json");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().getString("error")).isEqualTo("invalid_scope");
        assertThat(reply.json().getString("iss")).isEqualTo(TestApplication.ISSUER);
        assertThat(reply.json().getString("state")).isEqualTo("s-9");
    }

    @Test
    void browserFlowWhenNonceAndOtherParametersThenCarriedThroughSignInAndConsentIntoTheIdToken() {
        String extra = "&nonce=n-0S6_WzA2Mj&ui_locales=de&claims_locales=fr&acr_values=urn%3Aexample";
        Reply signInPage = browser.get(authorizeUrl("openid connect", "&state=st-7" + extra));
        assertThat(Browser.hiddenFields(signInPage)).contains("nonce=n-0S6_WzA2Mj", "ui_locales=de",
                "claims_locales=fr", "acr_values=urn%3Aexample");

        Reply signedIn = browser.submit("/oauth/authorize/sign-in", signInPage,
                "email=" + FormCodec.encode(account.account().email().value()), "password=" + PASSWORD);
        assertThat(query(signedIn.header("Location"))).containsEntry("nonce", "n-0S6_WzA2Mj")
                .containsEntry("claims_locales", "fr").containsEntry("acr_values", "urn:example")
                .doesNotContainKeys("email", "password", "csrf_token");
        Reply consent = browser.get(signedIn.header("Location"));
        assertThat(Browser.hiddenFields(consent)).contains("nonce=n-0S6_WzA2Mj", "acr_values=urn%3Aexample");
        Reply approved = browser.submit("/oauth/authorize/consent", consent, "decision=approve");

        Map<String, String> response = query(approved.header("Location"));
        assertThat(response).containsEntry("state", "st-7").containsEntry("iss", TestApplication.ISSUER);
        Reply tokens = server.exchange(client, response.get("code"));
        IdTokenClaims claims = server.app.idTokenSigner.claimsOf(tokens.json().getString("id_token")).orElseThrow();
        assertThat(claims.nonce()).hasValue("n-0S6_WzA2Mj");
        assertThat(claims.authTime()).isPresent();
    }

    @Test
    void browserFlowWhenDeniedThenErrorNamesTheIssuer() {
        Reply consent = consentPage("openid", "&state=st-8");

        Reply denied = browser.submit("/oauth/authorize/consent", consent, "decision=deny");

        assertThat(query(denied.header("Location"))).containsEntry("error", "access_denied")
                .containsEntry("state", "st-8").containsEntry("iss", TestApplication.ISSUER);
    }

    @Test
    void signInPageWhenLoginHintThenEmailPrefilled() {
        Reply page = browser.get(authorizeUrl("openid", "&login_hint=" + FormCodec.encode("jane@example.com")));

        assertThat(page.body()).contains("value=\"jane@example.com\"");
    }

    @Test
    void promptNoneWithoutSessionThenLoginRequiredRedirectWithoutAPage() {
        Reply reply = browser.get(authorizeUrl("openid", "&state=st-n&prompt=none"));

        assertThat(reply.status()).isEqualTo(302);
        assertThat(query(reply.header("Location"))).containsEntry("error", "login_required")
                .containsEntry("state", "st-n").containsEntry("iss", TestApplication.ISSUER);
    }

    @Test
    void promptNoneSignedInButNeverConsentedThenConsentRequired() {
        approveOnce("openid", "");

        Reply reply = browser.get(authorizeUrl("openid connect", "&state=st-c&prompt=none"));

        assertThat(query(reply.header("Location"))).containsEntry("error", "consent_required");
    }

    @Test
    void whenConsentedBeforeThenCodeWithoutAPageUnlessPromptConsent() {
        approveOnce("openid connect", "");

        Reply again = browser.get(authorizeUrl("openid", "&state=st-r&nonce=n-2"));
        Reply forced = browser.get(authorizeUrl("openid", "&state=st-f&prompt=consent"));

        assertThat(again.status()).isEqualTo(302);
        assertThat(query(again.header("Location"))).containsKey("code").containsEntry("state", "st-r");
        assertThat(forced.status()).isEqualTo(200);
        assertThat(forced.body()).contains("id=\"approve\"");
    }

    @Test
    void promptLoginWithASessionThenSignInPageAndAfterItConsentNotAnotherSignIn() {
        approveOnce("openid", "");

        Reply signInPage = browser.get(authorizeUrl("openid", "&state=st-l&prompt=login+consent"));
        assertThat(signInPage.body()).contains("id=\"password\"");
        Reply signedIn = browser.submit("/oauth/authorize/sign-in", signInPage,
                "email=" + FormCodec.encode(account.account().email().value()), "password=" + PASSWORD);

        assertThat(query(signedIn.header("Location"))).containsEntry("prompt", "consent").containsEntry("state", "st-l");
        Reply consent = browser.get(signedIn.header("Location"));
        assertThat(consent.body()).contains("id=\"approve\"");
    }

    @Test
    void pagesWhenUiLocalesThenInTheFirstLanguageWeHaveBeforeAcceptLanguage() {
        Reply german = browser.get(authorizeUrl("openid", "&ui_locales=fr-CA+de"));
        Reply english = browser.get(authorizeUrl("openid", "&ui_locales=fr"));

        assertThat(german.body()).contains("<html lang=\"de\">");
        assertThat(english.body()).contains("<html lang=\"en\">");
    }

    @Test
    void consentPageNamesTheOpenIdScopesInWords() {
        Reply consent = consentPage("openid profile email phone", "&state=w");


        assertThat(consent.body()).contains("<li id=\"scope-openid\">Sign you in with your account</li>")
                .contains("<li id=\"scope-email\">See your email address</li>");
    }

    @Test
    void endSessionWhenHintAndRegisteredUriThenSessionEndedAndRedirectWithState() {
        String idToken = idTokenThroughThePages();

        Reply loggedOut = browser.get("/oauth/end_session?id_token_hint=" + idToken + "&post_logout_redirect_uri="
                + FormCodec.encode(TestServer.POST_LOGOUT_URI) + "&state=bye");

        assertThat(loggedOut.status()).isEqualTo(302);
        assertThat(loggedOut.header("Location")).isEqualTo(TestServer.POST_LOGOUT_URI + "?state=bye");
        assertThat(browser.cookie("connect_session")).isNullOrEmpty();
        Reply again = browser.get(authorizeUrl("openid", "&state=after"));
        assertThat(again.body()).contains("id=\"password\"");
    }

    @Test
    void endSessionWhenNoRedirectUriThenSignedOutPage() {
        String idToken = idTokenThroughThePages();

        Reply loggedOut = browser.post("/oauth/end_session", "id_token_hint=" + idToken);

        assertThat(loggedOut.status()).isEqualTo(200);
        assertThat(loggedOut.header("Content-Type")).startsWith("text/html");
    }

    @Test
    void endSessionWhenHintMissingOrUriNotRegisteredThenErrorPageNotARedirect() {
        String idToken = idTokenThroughThePages();

        Reply noHint = browser.get("/oauth/end_session?post_logout_redirect_uri=" + FormCodec.encode(TestClients.REDIRECT_URI));
        Reply foreign = browser.get("/oauth/end_session?id_token_hint=" + idToken + "&post_logout_redirect_uri="
                + FormCodec.encode("https://attacker.example/"));
        Reply redirectUri = browser.get("/oauth/end_session?id_token_hint=" + idToken + "&post_logout_redirect_uri="
                + FormCodec.encode(TestClients.REDIRECT_URI));

        assertThat(noHint.status()).isEqualTo(400);
        assertThat(foreign.status()).isEqualTo(400);
        assertThat(foreign.header("Location")).isNull();
        assertThat(redirectUri.status()).as("a redirect URI is no post-logout URI").isEqualTo(400);
        assertThat(browser.cookie("connect_session")).isNotEmpty();
    }

    @Test
    void endSessionWhenNoHintThenConfirmationPageAndTheSessionEndsOnlyOnceConfirmed() {
        idTokenThroughThePages();
        String session = browser.cookie("connect_session");

        Reply question = browser.get("/oauth/end_session?client_id=" + client.client().id().value()
                + "&post_logout_redirect_uri=" + FormCodec.encode(TestServer.POST_LOGOUT_URI) + "&state=bye");

        assertThat(question.status()).isEqualTo(200);
        assertThat(question.body()).contains("id=\"logout-form\"").contains("Test App");
        assertThat(browser.cookie("connect_session")).isEqualTo(session);
        Reply confirmed = browser.submit("/oauth/end_session", question, "logout=confirm");
        assertThat(confirmed.status()).isEqualTo(302);
        assertThat(confirmed.header("Location")).isEqualTo(TestServer.POST_LOGOUT_URI + "?state=bye");
        assertThat(browser.cookie("connect_session")).isNullOrEmpty();
        assertThat(browser.get(authorizeUrl("openid", "&state=after")).body()).contains("id=\"password\"");
    }

    @Test
    void endSessionWhenConfirmationForgedWithoutCsrfTokenThen403AndSessionKept() {
        idTokenThroughThePages();

        Reply forged = browser.post("/oauth/end_session", "client_id=" + client.client().id().value() + "&logout=confirm");
        Reply rpPost = browser.post("/oauth/end_session", "client_id=" + client.client().id().value());

        assertThat(forged.status()).isEqualTo(403);
        assertThat(rpPost.status()).as("a relying party's own POST gets the question").isEqualTo(200);
        assertThat(rpPost.body()).contains("id=\"logout-form\"");
        assertThat(browser.cookie("connect_session")).isNotEmpty();
    }

    @Test
    void openIdConfigurationNamesTheEndSessionEndpoint() {
        assertThat(server.get("/.well-known/openid-configuration").json().getString("end_session_endpoint"))
                .isEqualTo(TestApplication.ISSUER + "/oauth/end_session");
    }

    /** Signs in through the pages, approves openid and exchanges the code: the ID token. */
    private String idTokenThroughThePages() {
        Reply consent = consentPage("openid", "&state=in");
        Reply approved = browser.submit("/oauth/authorize/consent", consent, "decision=approve");
        return server.exchange(client, query(approved.header("Location")).get("code")).json().getString("id_token");
    }

    /** The consent page after signing in through the sign-in page for {@code authorizeUrl(scope, more)}. */
    private Reply consentPage(String scope, String more) {
        Reply signInPage = browser.get(authorizeUrl(scope, more));
        Reply signedIn = browser.submit("/oauth/authorize/sign-in", signInPage,
                "email=" + FormCodec.encode(account.account().email().value()), "password=" + PASSWORD);
        return browser.get(signedIn.header("Location"));
    }

    /** Signs in through the pages and approves {@code scope} once. */
    private void approveOnce(String scope, String more) {
        Reply consent = consentPage(scope, "&state=first" + more);
        Reply approved = browser.submit("/oauth/authorize/consent", consent, "decision=approve");
        assertThat(approved.status()).isEqualTo(302);
    }

    private String authorizeUrl(String scope, String more) {
        return "/oauth/authorize?response_type=code&client_id=" + client.client().id().value() + "&redirect_uri="
                + FormCodec.encode(TestClients.REDIRECT_URI) + "&scope=" + FormCodec.encode(scope)
                + "&code_challenge=" + TestCodes.CHALLENGE + "&code_challenge_method=S256" + more;
    }

    private static Map<String, String> query(String location) {
        return FormCodec.decodeQuery(URI.create(location).getRawQuery()).stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
