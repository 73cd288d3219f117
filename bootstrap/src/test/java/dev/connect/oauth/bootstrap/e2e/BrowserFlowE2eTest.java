package dev.connect.oauth.bootstrap.e2e;

import static dev.connect.oauth.bootstrap.e2e.OAuthClient.success;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.oauth2.sdk.AuthorizationErrorResponse;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.AuthorizationSuccessResponse;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.Tokens;
import dev.connect.oauth.bootstrap.e2e.E2eServer.Customer;
import dev.connect.oauth.bootstrap.e2e.E2eServer.TestClient;
import io.vertx.core.json.JsonObject;
import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Sign-in and consent in a real browser (API.md §3): headless Chromium, driven by Selenium
 * through Debian's chromedriver, follows the authorization request to the sign-in page, the
 * consent page, and back to the client's redirect URI, whose code the Nimbus SDK then exchanges;
 * and the device verification page of RFC 8628, approved or denied while the device polls.
 */
class BrowserFlowE2eTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Scope SCOPE = new Scope("connect", "triggers");
    private static final String PASSWORD = "correct horse battery staple";

    @Nested
    @DisplayName("Browser flow on H2")
    class OnH2 extends Browser {
        OnH2() {
            super(Backend.H2);
        }
    }

    @Nested
    @DisplayName("Browser flow on MariaDB")
    class OnMariaDb extends Browser {
        OnMariaDb() {
            super(Backend.MARIADB);
        }
    }

    abstract static class Browser extends ServerSuite {
        private final Backend backend;
        private CallbackServer callback;
        private ChromeDriver driver;
        private WebDriverWait wait;
        private OAuthClient oauth;
        private TestClient client;
        private Customer customer;

        Browser(Backend backend) {
            super(backend);
            this.backend = backend;
        }

        @Override
        void setUp(Path dir) throws Exception {
            Prerequisite.require(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                    "Chromium or chromedriver is missing (" + CHROMIUM + ", " + CHROMEDRIVER + ")");
            callback = CallbackServer.start();
            oauth = new OAuthClient(server);
            client = server.registerClient("confidential", callback.redirectUri(), List.of("connect", "triggers"));
            driver = chromium(dir.resolve("chromium-profile"));
            wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        }

        @Override
        void tearDown() {
            if (driver != null) {
                driver.quit();
            }
            if (callback != null) {
                callback.close();
            }
        }

        /**
         * Every test starts signed out, with an account of its own: consent is remembered per
         * account and client, so one test's approval would skip another's consent page.
         */
        @BeforeEach
        void signOut() {
            driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
            customer = server.createCustomer(PASSWORD);
        }

        @Test
        void authorizeWhenConsentGivenBeforeThenCodeWithoutTheConsentPage() throws Exception {
            approveOnce();

            State state = new State();
            driver.get(oauth.authorizationRequest(client, SCOPE, state, new CodeVerifier()).toString());

            AuthorizationResponse response = callbackResponse();
            assertThat(response.indicatesSuccess()).as("callback: %s", response.toURI()).isTrue();
            assertThat(response.getState()).isEqualTo(state);
        }

        @Test
        void authorizeWhenPromptLoginThenSignInAgainDespiteTheSession() throws Exception {
            approveOnce();

            State state = new State();
            driver.get(oauth.authorizationRequest(client, SCOPE, state, new CodeVerifier()) + "&prompt=login");
            assertThat(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sign-in-form")))).isNotNull();
            signIn(customer.email(), customer.password());

            AuthorizationResponse response = callbackResponse();
            assertThat(response.indicatesSuccess()).as("callback: %s", response.toURI()).isTrue();
            assertThat(response.getState()).isEqualTo(state);
        }

        @Test
        void authorizeWhenPromptConsentThenTheConsentPageAgain() throws Exception {
            approveOnce();

            driver.get(oauth.authorizationRequest(client, SCOPE, new State(), new CodeVerifier()) + "&prompt=consent");

            assertThat(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("consent-form")))).isNotNull();
        }

        /** Signs in and approves {@link #SCOPE} once, so the session and the consent exist. */
        private void approveOnce() throws Exception {
            driver.get(oauth.authorizationRequest(client, SCOPE, new State(), new CodeVerifier()).toString());
            signIn(customer.email(), customer.password());
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("approve"))).click();
            assertThat(callbackResponse().indicatesSuccess()).isTrue();
        }

        @Test
        void approveWhenSignedInThenCallbackGetsCodeAndStateAndCodeExchanges() throws Exception {
            State state = new State();
            CodeVerifier verifier = new CodeVerifier();
            driver.get(oauth.authorizationRequest(client, SCOPE, state, verifier).toString());

            signIn(customer.email(), customer.password());
            WebElement consent = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("consent-form")));
            assertThat(driver.findElement(By.id("heading")).getText()).contains(client.name());
            for (String scope : SCOPE.toStringList()) {
                // In words, not the raw scope token.
                assertThat(driver.findElement(By.id("scope-" + scope)).getText()).isNotBlank().isNotEqualTo(scope);
            }
            assertThat(driver.findElement(By.id("signed-in-as")).getText()).contains(customer.email());
            screenshot("consent");
            consent.findElement(By.id("approve")).click();

            AuthorizationResponse response = callbackResponse();
            assertThat(response.indicatesSuccess()).as("callback: %s", response.toURI()).isTrue();
            AuthorizationSuccessResponse approved = response.toSuccessResponse();
            assertThat(approved.getState()).isEqualTo(state);
            Tokens tokens = success(oauth.token(client.basic(), oauth.codeGrant(approved.getAuthorizationCode(), client,
                    verifier)));
            oauth.verify(tokens.getAccessToken(), client.id(), "connect triggers");
            Reply info = server.request("GET", "/oauth/info").bearer(tokens.getAccessToken().getValue()).send();
            assertThat(info.json().getString("email")).isEqualTo(customer.email());
        }

        @Test
        void denyWhenClickedThenCallbackGetsAccessDeniedAndState() throws Exception {
            State state = new State();
            driver.get(oauth.authorizationRequest(client, SCOPE, state, new CodeVerifier()).toString());

            signIn(customer.email(), customer.password());
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("deny"))).click();

            AuthorizationResponse response = callbackResponse();
            assertThat(response.indicatesSuccess()).as("callback: %s", response.toURI()).isFalse();
            AuthorizationErrorResponse denied = response.toErrorResponse();
            assertThat(denied.getErrorObject().getCode()).isEqualTo("access_denied");
            assertThat(denied.getState()).isEqualTo(state);
        }

        @Test
        void signInWhenPasswordWrongThenPageShowsErrorAndStaysSignedOut() throws Exception {
            driver.get(oauth.authorizationRequest(client, SCOPE, new State(), new CodeVerifier()).toString());

            signIn(customer.email(), "not the password");

            WebElement error = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sign-in-error")));
            assertThat(error.getText()).isNotBlank();
            assertThat(driver.findElement(By.id("email")).getDomProperty("value")).isEqualTo(customer.email());
            assertThat(driver.findElements(By.id("consent-form"))).isEmpty();

            signIn(customer.email(), customer.password());
            assertThat(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("consent-form")))).isNotNull();
        }

        @Test
        void signInPageWhenAuthorizeOpenedThenShowsClientAndSecurityHeadersHoldIt() throws Exception {
            URI authorize = oauth.authorizationRequest(client, SCOPE, new State(), new CodeVerifier());
            driver.get(authorize.toString());

            assertThat(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sign-in-form")))).isNotNull();
            assertThat(driver.findElement(By.id("intro")).getText()).contains(client.name());
            // The page renders under its own Content-Security-Policy: the inline style is allowed by hash.
            String background = driver.findElement(By.tagName("body")).getCssValue("background-color");
            assertThat(background).isNotEqualTo("rgba(0, 0, 0, 0)");
        }

        @Test
        void signInPageWhenBrowserPrefersGermanThenGerman() {
            driver.executeCdpCommand("Network.enable", Map.of());
            driver.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of("Accept-Language", "de-DE,de;q=0.9")));
            try {
                driver.get(oauth.authorizationRequest(client, SCOPE, new State(), new CodeVerifier()).toString());

                wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sign-in-form")));
                assertThat(driver.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("de");
                assertThat(driver.findElement(By.id("heading")).getText()).isEqualTo("Anmelden");
            } finally {
                driver.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of()));
            }
        }

        /**
         * RFC 8628: a device polls while the customer, in the browser, opens verification_uri_complete,
         * signs in, checks the code on the consent page and approves; the device's next polls get the tokens.
         */
        @Test
        void deviceFlowWhenApprovedOnThePageThenThePollingDeviceGetsTheTokens() throws Exception {
            TestClient device = server.registerClient("public", callback.redirectUri(), List.of("connect", "triggers"));
            JsonObject started = startDeviceAuthorization(device);
            assertThat(pollDevice(device, started).json().getString("error")).isEqualTo("authorization_pending");

            driver.get(started.getString("verification_uri_complete"));
            signIn(customer.email(), customer.password());
            WebElement consent = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("consent-form")));
            assertThat(driver.findElement(By.id("intro")).getText()).contains(device.name())
                    .contains(started.getString("user_code"));
            assertThat(driver.findElement(By.id("scope-connect")).getText()).isNotBlank().isNotEqualTo("connect");
            screenshot("device-consent");
            consent.findElement(By.id("approve")).click();
            assertThat(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("signed-out"))).getText())
                    .contains(device.name());

            Reply tokens = pollUntilDecided(device, started);
            assertThat(tokens.status()).as(tokens.body()).isEqualTo(200);
            assertThat(tokens.json().getString("refresh_token")).isNotBlank();
            Reply info = server.request("GET", "/oauth/info").bearer(tokens.json().getString("access_token")).send();
            assertThat(info.json().getString("email")).isEqualTo(customer.email());
        }

        /** The code typed by hand (any case, no dash) on /device, then denied: the device is told access_denied. */
        @Test
        void deviceFlowWhenCodeTypedAndDeniedThenThePollingDeviceGetsAccessDenied() throws Exception {
            TestClient device = server.registerClient("public", callback.redirectUri(), List.of("connect"));
            JsonObject started = startDeviceAuthorization(device);

            driver.get(started.getString("verification_uri"));
            signIn(customer.email(), customer.password());
            WebElement form = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("device-code-form")));
            form.findElement(By.id("user_code")).sendKeys("BCDF-GHJK");
            form.findElement(By.id("continue")).click();
            WebElement wrong = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("device-code-error")));
            assertThat(wrong.getText()).isNotBlank();
            WebElement field = driver.findElement(By.id("user_code"));
            field.clear();
            field.sendKeys(started.getString("user_code").replace("-", "").toLowerCase(Locale.ROOT));
            driver.findElement(By.id("continue")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("deny"))).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("signed-out")));

            Reply denied = pollUntilDecided(device, started);
            assertThat(denied.status()).isEqualTo(400);
            assertThat(denied.json().getString("error")).isEqualTo("access_denied");
        }

        private JsonObject startDeviceAuthorization(TestClient device) {
            Reply started = server.request("POST", "/oauth/device_authorization")
                    .form("client_id", device.id(), "scope", "connect").send();
            assertThat(started.status()).as(started.body()).isEqualTo(200);
            return started.json();
        }

        private Reply pollDevice(TestClient device, JsonObject started) {
            return server.request("POST", "/oauth/token").form("grant_type",
                    "urn:ietf:params:oauth:grant-type:device_code", "device_code", started.getString("device_code"),
                    "client_id", device.id()).send();
        }

        /** Polls as a device does (RFC 8628 §3.5): every interval, 5 s more after a slow_down, until decided. */
        private Reply pollUntilDecided(TestClient device, JsonObject started) throws InterruptedException {
            long interval = started.getLong("interval");
            for (;;) {
                Thread.sleep(Duration.ofSeconds(interval));
                Reply answer = pollDevice(device, started);
                String error = answer.status() == 200 ? "" : answer.json().getString("error");
                if (error.equals("slow_down")) {
                    interval += 5;
                } else if (!error.equals("authorization_pending")) {
                    return answer;
                }
            }
        }

        private void signIn(String email, String password) {
            WebElement form = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sign-in-form")));
            WebElement emailField = form.findElement(By.id("email"));
            emailField.clear();
            emailField.sendKeys(email);
            form.findElement(By.id("password")).sendKeys(password);
            form.findElement(By.id("sign-in")).click();
        }

        /** What the client's redirect URI received, parsed by the SDK as the client would. */
        private AuthorizationResponse callbackResponse() throws Exception {
            String query = callback.nextQuery();
            wait.until(ExpectedConditions.urlContains(callback.redirectUri().toString()));
            return AuthorizationResponse.parse(URI.create(callback.redirectUri() + "?" + query));
        }

        /** For a person to look at: the page as a user sees it (not part of any assertion). */
        private void screenshot(String page) throws Exception {
            File shot = driver.getScreenshotAs(OutputType.FILE);
            Path target = Path.of(System.getProperty("java.io.tmpdir"),
                    "connect-e2e-" + page + "-" + backend.name().toLowerCase(Locale.ROOT) + ".png");
            Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        }

        private static ChromeDriver chromium(Path profile) {
            // Both paths given, so Selenium Manager never looks for (or downloads) a browser or driver.
            System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--lang=en-US", "--window-size=1024,900", "--user-data-dir=" + profile);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
            return new ChromeDriver(service, options);
        }
    }
}
