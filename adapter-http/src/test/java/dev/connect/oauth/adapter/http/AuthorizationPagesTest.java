package dev.connect.oauth.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connect.oauth.application.AbuseLimits;
import dev.connect.oauth.application.port.in.CreatedAccount;
import dev.connect.oauth.application.port.in.RegisterClientCommand;
import dev.connect.oauth.application.port.in.RegisteredClient;
import dev.connect.oauth.application.testdata.TestApplication;
import dev.connect.oauth.testkit.testdata.TestAccounts;
import dev.connect.oauth.testkit.testdata.TestClients;
import dev.connect.oauth.testkit.testdata.TestCodes;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The browser form of {@code /oauth/authorize} (API.md §3): checks before redirect validation,
 * sign-in and consent pages, CSRF, the session cookie, the security headers, two languages.
 */
class AuthorizationPagesTest {
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
    void whenNoSessionThenSignInPageWithStableIdsAndTheRequestCarriedAlong() {
        Reply page = browser.get(authorizeUrl("connect triggers", "st-1"));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).isEqualTo("text/html; charset=utf-8");
        assertThat(page.body()).contains("<html lang=\"en\">").contains("id=\"email\"").contains("id=\"password\"")
                .contains("id=\"sign-in\"").contains("action=\"/oauth/authorize/sign-in\"").contains("Test App");
        assertThat(Browser.hiddenFields(page)).contains("state=st-1", "scope=connect+triggers",
                "client_id=" + client.client().id().value(), "code_challenge=" + TestCodes.CHALLENGE);
        assertThat(Browser.hiddenFields(page)).anyMatch(field -> field.startsWith("csrf_token="));
        assertThat(browser.cookie("connect_csrf")).matches("[A-Za-z0-9_-]{43}");
    }

    @Test
    void pagesCarryTheSecurityHeadersAndNoInlineScript() {
        Reply page = browser.get(authorizeUrl("connect", "s"));

        String csp = page.header("Content-Security-Policy");
        assertThat(csp).contains("default-src 'none'").contains("frame-ancestors 'none'").doesNotContain("unsafe-inline")
                .doesNotContain("script-src");
        assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(page.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(page.header("Cache-Control")).isEqualTo("no-store");
        assertThat(page.body()).doesNotContain("<script").doesNotContain("onclick").doesNotContain("style=\"");
    }

    @Test
    void whenSignedInAndApprovedThenRedirectWithCodeAndState() {
        Reply consent = signIn("connect triggers", "st-2");

        Reply approved = browser.submit("/oauth/authorize/consent", consent, "decision=approve");

        assertThat(approved.status()).isEqualTo(302);
        Map<String, String> query = query(approved.header("Location"));
        assertThat(approved.header("Location")).startsWith(TestClients.REDIRECT_URI + "?code=");
        assertThat(query).containsEntry("state", "st-2").containsKey("code");
        assertThat(server.exchange(client, query.get("code")).status()).isEqualTo(200);
    }

    @Test
    void whenDeniedThenRedirectWithAccessDeniedAndState() {
        Reply consent = signIn("connect", "st-3");

        Reply denied = browser.submit("/oauth/authorize/consent", consent, "decision=deny");

        assertThat(denied.status()).isEqualTo(302);
        assertThat(query(denied.header("Location"))).containsEntry("error", "access_denied").containsEntry("state", "st-3")
                .doesNotContainKey("code");
    }

    @Test
    void consentPageNamesTheClientAndEachScopeInWords() {
        Reply consent = signIn("connect triggers", "s");

        assertThat(consent.body()).contains("Authorize Test App").contains("id=\"approve\"").contains("id=\"deny\"")
                .contains("<li id=\"scope-connect\">See your account: your name and email address</li>")
                .contains("<li id=\"scope-triggers\">Use your triggers</li>")
                .contains(account.account().email().value());
    }

    @Test
    void whenSignInSucceedsThenSessionCookieAndSeeOtherBackToAuthorize() {
        Reply signInPage = browser.get(authorizeUrl("connect", "s"));

        Reply signedIn = browser.submit("/oauth/authorize/sign-in", signInPage,
                "email=" + FormCodec.encode(account.account().email().value()), "password=" + PASSWORD);

        assertThat(signedIn.status()).isEqualTo(303);
        assertThat(signedIn.header("Location")).startsWith("/oauth/authorize?").contains("&response_type=code&")
                .contains("client_id=" + client.client().id().value());
        String session = signedIn.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("connect_session="))
                .findFirst().orElseThrow();
        // Cookie attribute names are case-insensitive (RFC 6265 §5.2); Netty writes "HTTPOnly".
        assertThat(session).containsIgnoringCase("HttpOnly").contains("SameSite=Lax").contains("Path=/")
                .contains("Max-Age=28800").doesNotContain("Secure");
    }

    @Test
    void whenPasswordWrongThenSignInPageAgainWithMessage() {
        Reply signInPage = browser.get(authorizeUrl("connect", "s"));

        Reply again = browser.submit("/oauth/authorize/sign-in", signInPage,
                "email=" + FormCodec.encode(account.account().email().value()), "password=wrong-password");

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).contains("id=\"sign-in-error\"").contains("id=\"password\"")
                .contains("value=\"" + account.account().email().value() + "\"");
        assertThat(browser.cookie("connect_session")).isNull();
    }

    @Test
    void whenCsrfTokenMissingThen403Page() {
        Reply signInPage = browser.get(authorizeUrl("connect", "s"));
        String withoutToken = Browser.hiddenFields(signInPage).stream().filter(f -> !f.startsWith("csrf_token="))
                .collect(Collectors.joining("&"));

        Reply reply = browser.post("/oauth/authorize/sign-in", withoutToken + "&email=a%40example.com&password=" + PASSWORD);

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.header("Content-Type")).startsWith("text/html");
        assertThat(reply.body()).contains("forbidden");
    }

    @Test
    void whenCsrfCookieMissingThen403() {
        Reply consent = signIn("connect", "s");
        browser.forget("connect_csrf");

        Reply reply = browser.submit("/oauth/authorize/consent", consent, "decision=approve");

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.header("Location")).isNull();
    }

    @Test
    void whenCsrfTokenFromAnotherBrowserThen403() {
        Reply consent = signIn("connect", "s");
        Browser attacker = new Browser(server);
        attacker.get(authorizeUrl("connect", "s"));
        String forged = Browser.hiddenFieldsWith(consent, "csrf_token", attacker.cookie("connect_csrf"));

        Reply reply = browser.post("/oauth/authorize/consent", forged + "&decision=approve");

        assertThat(reply.status()).isEqualTo(403);
    }

    @Test
    void whenSignedOutFromTheConsentPageThenSessionRowAndCookieGone() {
        Reply consent = signIn("connect", "s");
        String session = browser.cookie("connect_session");
        assertThat(consent.body()).contains("id=\"sign-out\"").contains("action=\"/oauth/logout\"");

        Reply signedOut = browser.post("/oauth/logout", "csrf_token=" + browser.cookie("connect_csrf"));

        assertThat(signedOut.status()).isEqualTo(200);
        assertThat(signedOut.body()).contains("id=\"signed-out\"");
        assertThat(signedOut.headers().allValues("Set-Cookie")).anySatisfy(cookie ->
                assertThat(cookie).startsWith("connect_session=").containsIgnoringCase("Max-Age=0"));
        assertThat(browser.cookie("connect_session")).isNull();
        assertThat(server.app.resolveSession.resolve(Optional.of(session))).isEmpty();
        assertThat(browser.get(authorizeUrl("connect", "s")).body()).contains("id=\"sign-in\"");
    }

    @Test
    void whenLogoutPostedWithoutCsrfTokenThen403AndTheSessionLives() {
        signIn("connect", "s");
        String session = browser.cookie("connect_session");

        Reply forged = browser.post("/logout", "");
        Reply json = server.postForm("/oauth/logout", "csrf_token=" + "A".repeat(43), "Accept", "application/json",
                "Cookie", "connect_session=" + session + "; connect_csrf=" + "B".repeat(43));

        assertThat(forged.status()).isEqualTo(403);
        assertThat(forged.header("Content-Type")).startsWith("text/html");
        assertThat(json.status()).isEqualTo(403);
        assertThat(json.json().getString("error")).isEqualTo("forbidden");
        assertThat(json.json().getInteger("code")).isEqualTo(403);
        assertThat(server.app.resolveSession.resolve(Optional.of(session))).isPresent();
    }

    @Test
    void whenConsentPostedWithoutSessionThenSignInPage() {
        Reply consent = signIn("connect", "s");
        browser.forget("connect_session");

        Reply reply = browser.submit("/oauth/authorize/consent", consent, "decision=approve");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).contains("id=\"sign-in\"");
    }

    @Test
    void whenGermanPreferredThenPagesInGerman() {
        Browser german = new Browser(server, "de-DE,de;q=0.9,en;q=0.5");

        Reply page = german.get(authorizeUrl("connect", "s"));

        assertThat(page.body()).contains("<html lang=\"de\">").contains("Anmelden").contains("Passwort");
    }

    @Test
    void whenLanguageUnsupportedThenEnglish() {
        Reply page = new Browser(server, "fr-CH, fr;q=0.9").get(authorizeUrl("connect", "s"));

        assertThat(page.body()).contains("<html lang=\"en\">").contains("Sign in");
    }

    @Test
    void whenClientUnknownThen400PageNeverRedirect() {
        Reply reply = browser.get("/oauth/authorize?response_type=code&client_id=unknown&redirect_uri="
                + FormCodec.encode(TestClients.REDIRECT_URI) + "&state=s");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.header("Location")).isNull();
        assertThat(reply.header("Content-Type")).startsWith("text/html");
        assertThat(reply.body()).contains("id=\"error-description\"");
    }

    @Test
    void whenRedirectUriNotRegisteredThen400NeverRedirect() {
        Reply reply = browser.get("/authorize?response_type=code&client_id=" + client.client().id().value()
                + "&redirect_uri=" + FormCodec.encode("https://evil.example/callback") + "&scope=connect");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.header("Location")).isNull();
    }

    @Test
    void whenClientUnknownAndJsonAcceptedThenJson400() {
        Reply reply = server.get("/oauth/authorize?response_type=code&client_id=unknown", "Accept", "application/json");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().getString("error")).isEqualTo("invalid_request");
    }

    @Test
    void whenScopeInvalidThenRedirectWithErrorAndState() {
        Reply reply = browser.get(authorizeUrl("actions", "st-4"));

        assertThat(reply.status()).isEqualTo(302);
        Map<String, String> query = query(reply.header("Location"));
        assertThat(query).containsEntry("error", "invalid_scope").containsEntry("state", "st-4").containsKey("error_description");
    }

    @Test
    void whenRedirectUriHasQueryThenParametersAppendedWithAmpersand() {
        String redirect = "https://app.example.com/cb?tenant=a%20b";
        RegisteredClient withQuery = server.app.registerClient.register(new RegisterClientCommand(
                server.app.authenticateApiKey.authenticate(Optional.of(server.adminKey())), Optional.of("Query App"), Optional.of(List.of(redirect)),
                Optional.of(List.of("connect")), Optional.of("confidential")));

        Reply reply = browser.get("/oauth/authorize?response_type=code&client_id=" + withQuery.client().id().value()
                + "&redirect_uri=" + FormCodec.encode(redirect) + "&scope=tests&state=q");

        assertThat(reply.status()).isEqualTo(302);
        assertThat(reply.header("Location")).startsWith(redirect + "&error=invalid_scope&error_description=").endsWith("&state=q&iss=" + FormCodec.encode(TestApplication.ISSUER));
    }

    @Test
    void whenNonRedirectParameterRepeatedThenRedirectedInvalidRequest() {
        Reply reply = browser.get(authorizeUrl("connect", "s") + "&scope=triggers");

        assertThat(reply.status()).isEqualTo(302);
        assertThat(query(reply.header("Location"))).containsEntry("error", "invalid_request").containsEntry("state", "s");
    }

    @Test
    void whenClientIdRepeatedThen400PageNeverRedirect() {
        Reply reply = browser.get(authorizeUrl("connect", "s") + "&client_id=" + client.client().id().value());

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.header("Location")).isNull();
    }

    @Test
    void whenFormTamperedToAnotherRedirectUriThenErrorPageNotRedirect() {
        Reply consent = signIn("connect", "s");
        String tampered = Browser.hiddenFieldsWith(consent, "redirect_uri", FormCodec.encode("https://evil.example/cb"));

        Reply reply = browser.post("/oauth/authorize/consent", tampered + "&decision=approve");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.header("Location")).isNull();
    }

    @Test
    void whenSignInFailuresOfAnAccountFromOneSourceReachTheLimitThen429PageWithRetryAfter() {
        AbuseLimits twoPerPair = new AbuseLimits(100, 300, 2, Duration.ofHours(1), 20, Duration.ofMinutes(5));
        try (TestServer limited = TestServer.start(twoPerPair, settings -> settings)) {
            RegisteredClient limitedClient = limited.confidentialClient();
            Browser guesser = new Browser(limited);
            Reply page = guesser.get(authorizeUrl(limitedClient, "connect", "s"));
            String email = "email=" + FormCodec.encode("victim@example.com");

            assertThat(guesser.submit("/oauth/authorize/sign-in", page, email, "password=guess-1").status()).isEqualTo(200);
            assertThat(guesser.submit("/oauth/authorize/sign-in", page, email, "password=guess-2").status()).isEqualTo(200);
            Reply limitedReply = guesser.submit("/oauth/authorize/sign-in", page, "email=VICTIM%40example.com", "password=guess-3");

            assertThat(limitedReply.status()).isEqualTo(429);
            assertThat(limitedReply.header("Retry-After")).isEqualTo("3600");
            assertThat(limitedReply.header("Content-Type")).startsWith("text/html");
        }
    }

    @Test
    void whenSignInAttemptsExceedTheLimitPerAddressThen429() {
        try (TestServer limited = TestServer.start(settings -> settings.signInPerAddress(HttpSettings.RateLimit.perMinute(1)))) {
            RegisteredClient limitedClient = limited.confidentialClient();
            Browser guesser = new Browser(limited);
            Reply page = guesser.get(authorizeUrl(limitedClient, "connect", "s"));

            guesser.submit("/oauth/authorize/sign-in", page, "email=a%40example.com", "password=x");
            Reply limitedReply = guesser.submit("/oauth/authorize/sign-in", page, "email=b%40example.com", "password=y");

            assertThat(limitedReply.status()).isEqualTo(429);
            assertThat(limitedReply.header("Retry-After")).isNotNull();
        }
    }

    @Test
    void whenIssuerIsHttpsThenCookiesAreSecureAndHostPrefixed() {
        try (TestServer https = TestServer.start(settings -> HttpSettings.builder("https://auth.example.com").serverInstances(1))) {
            RegisteredClient httpsClient = https.confidentialClient();
            Browser secureBrowser = new Browser(https);

            Reply page = secureBrowser.get(authorizeUrl(httpsClient, "connect", "s"));

            String csrf = page.headers().allValues("Set-Cookie").getFirst();
            assertThat(csrf).startsWith("__Host-connect_csrf=").contains("Secure").containsIgnoringCase("HttpOnly")
                    .contains("Path=/");
        }
    }

    private Reply signIn(String scope, String state) {
        Reply signInPage = browser.get(authorizeUrl(scope, state));
        Reply signedIn = browser.submit("/oauth/authorize/sign-in", signInPage,
                "email=" + FormCodec.encode(account.account().email().value()), "password=" + PASSWORD);
        assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(303);
        Reply consent = browser.get(signedIn.header("Location"));
        assertThat(consent.status()).as(consent.body()).isEqualTo(200);
        assertThat(consent.body()).contains("id=\"approve\"");
        return consent;
    }

    private String authorizeUrl(String scope, String state) {
        return authorizeUrl(client, scope, state);
    }

    private static String authorizeUrl(RegisteredClient client, String scope, String state) {
        return "/oauth/authorize?response_type=code&client_id=" + client.client().id().value() + "&redirect_uri="
                + FormCodec.encode(TestClients.REDIRECT_URI) + "&scope=" + FormCodec.encode(scope) + "&state="
                + FormCodec.encode(state) + "&code_challenge=" + TestCodes.CHALLENGE + "&code_challenge_method=S256";
    }

    private static Map<String, String> query(String location) {
        return FormCodec.decodeQuery(URI.create(location).getRawQuery()).stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
