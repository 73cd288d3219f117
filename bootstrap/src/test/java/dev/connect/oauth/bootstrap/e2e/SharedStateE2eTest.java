package dev.connect.oauth.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connect.oauth.bootstrap.e2e.E2eServer.Customer;
import dev.connect.oauth.bootstrap.e2e.E2eServer.TestClient;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * DESIGN.md, Scale-out: two server nodes on one MariaDB database (H2 embedded serves one process
 * only) see the same maintenance switch and the same failed sign-ins. Loopback is a trusted proxy
 * of both nodes, so {@code X-Forwarded-For} gives each attempt the source a load balancer would.
 * Delays are measured and printed, never asserted: only the outcomes are.
 */
class SharedStateE2eTest extends ServerSuite {
    private static final int REFRESH_MILLIS = 1000;
    /** The bound of every wait for the other node: many refresh intervals. */
    private static final int POLLS = 200;
    private static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">");

    private E2eServer nodeB;

    SharedStateE2eTest() {
        super(Backend.MARIADB);
    }

    @Override
    Map<String, String> settings() {
        return Map.of("CONNECT_MAINTENANCE_REFRESH_MILLIS", Integer.toString(REFRESH_MILLIS),
                "CONNECT_TRUSTED_PROXIES", "127.0.0.1");
    }

    @Override
    void setUp(Path dir) throws Exception {
        nodeB = server.anotherNode(settings());
    }

    @Override
    void tearDown() throws Exception {
        if (nodeB != null) {
            nodeB.stop();
        }
    }

    @Test
    void maintenanceWhenSwitchedOnNodeAThenNodeBFollowsWithinItsRefreshAndRecovers() throws Exception {
        assertThat(nodeB.request("GET", "/oauth/jwks").send().status()).isEqualTo(200);

        long on = System.nanoTime();
        assertThat(switchMaintenance(true).json().getBoolean("enabled")).isTrue();
        assertThat(server.request("GET", "/oauth/jwks").send().status()).as("node A, at once").isEqualTo(503);
        Reply unavailable = pollNodeB(503);
        long onDelay = (System.nanoTime() - on) / 1_000_000;

        assertThat(unavailable.status()).isEqualTo(503);
        assertThat(unavailable.header("Retry-After")).isNotNull();
        assertThat(unavailable.json().getString("error")).isEqualTo("temporarily_unavailable");

        long off = System.nanoTime();
        assertThat(switchMaintenance(false).json().getBoolean("enabled")).isFalse();
        Reply recovered = pollNodeB(200);
        long offDelay = (System.nanoTime() - off) / 1_000_000;

        assertThat(recovered.status()).isEqualTo(200);
        System.out.printf("Shared maintenance switch: node B answered 503 %d ms after node A was switched on,"
                + " and 200 again %d ms after it was switched off (refresh every %d ms)%n", onDelay, offDelay,
                REFRESH_MILLIS);
    }

    @Test
    void signInWhenHundredFailuresSpreadOverTwoNodesThenThe101stIsRefusedOnBoth() {
        Customer customer = server.createCustomer("correct horse battery staple");
        TestClient client = server.registerClient("confidential", URI.create("http://127.0.0.1/e2e/callback"),
                List.of("connect"));
        SignInForm form = SignInForm.open(server, client);
        List<E2eServer> nodes = List.of(server, nodeB);

        for (int i = 0; i < 100; i++) {
            Reply failed = form.post(nodes.get(i % 2), customer.email(), "wrong password " + i, "198.51.100." + (i + 1));
            assertThat(failed.status()).as("failure %d", i + 1).isEqualTo(200);
        }

        for (E2eServer node : nodes) {
            Reply refused = form.post(node, customer.email(), customer.password(), "203.0.113.7");
            assertThat(refused.status()).isEqualTo(429);
            assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 3600L);
        }
    }

    private Reply switchMaintenance(boolean enabled) {
        Reply reply = server.request("PUT", "/api/v1/maintenance").apiKey(server.adminKey())
                .json(new JsonObject().put("enabled", enabled)).send();
        assertThat(reply.status()).as("maintenance switch: %s", reply).isEqualTo(200);
        return reply;
    }

    /** Asks node B until it answers {@code status}, at most {@link #POLLS} times 50 ms apart; the last answer. */
    private Reply pollNodeB(int status) throws InterruptedException {
        Reply reply = nodeB.request("GET", "/oauth/jwks").send();
        for (int i = 0; i < POLLS && reply.status() != status; i++) {
            Thread.sleep(50);
            reply = nodeB.request("GET", "/oauth/jwks").send();
        }
        return reply;
    }

    /** The sign-in page's form (its hidden fields and CSRF cookie), posted to any node. */
    private record SignInForm(String cookie, List<String> hiddenFields) {
        static SignInForm open(E2eServer server, TestClient client) {
            Reply page = server.request("GET", "/oauth/authorize?response_type=code&client_id=" + client.id()
                    + "&redirect_uri=" + encode(client.redirectUri().toString()) + "&scope=connect&state=s"
                    + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256")
                    .header("Accept", "text/html").send();
            assertThat(page.status()).as("sign-in page: %s", page).isEqualTo(200);
            String cookie = page.headers().allValues("Set-Cookie").stream().map(value -> value.split(";", 2)[0])
                    .filter(value -> value.startsWith("connect_csrf=")).findFirst().orElseThrow();
            List<String> fields = new ArrayList<>();
            Matcher matcher = HIDDEN.matcher(page.body());
            while (matcher.find()) {
                fields.add(encode(matcher.group(1).replace("&amp;", "&")) + "=" + encode(matcher.group(2).replace("&amp;", "&")));
            }
            return new SignInForm(cookie, fields);
        }

        Reply post(E2eServer node, String email, String password, String forwardedFor) {
            List<String> body = new ArrayList<>(hiddenFields);
            body.add("email=" + encode(email));
            body.add("password=" + encode(password));
            return node.request("POST", "/oauth/authorize/sign-in").header("Cookie", cookie)
                    .header("Accept", "text/html").header("X-Forwarded-For", forwardedFor)
                    .body("application/x-www-form-urlencoded", String.join("&", body)).send();
        }

        private static String encode(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
    }
}
