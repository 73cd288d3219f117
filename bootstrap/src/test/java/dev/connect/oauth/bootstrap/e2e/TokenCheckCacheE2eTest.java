package dev.connect.oauth.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connect.oauth.bootstrap.e2e.E2eServer.Customer;
import dev.connect.oauth.bootstrap.e2e.E2eServer.TestClient;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 8's token-check cache on two nodes sharing one MariaDB: a token both nodes have checked
 * (so both may hold it in memory) and then revoked on node A is refused by node A at once and by
 * node B within its revocation delay, whether the token itself or its whole grant was revoked.
 * Node B is asked until it refuses, bounded; the delays are printed, never asserted.
 */
class TokenCheckCacheE2eTest extends ServerSuite {
    private static final int DELAY_MILLIS = 1000;
    /** The bound of every wait for node B: many revocation delays. */
    private static final int POLLS = 200;
    private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    private static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    private E2eServer nodeB;
    private TestClient client;
    private Customer customer;

    TokenCheckCacheE2eTest() {
        super(Backend.MARIADB);
    }

    @Override
    Map<String, String> settings() {
        return Map.of("CONNECT_REVOCATION_DELAY_MILLIS", Integer.toString(DELAY_MILLIS));
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

    @BeforeEach
    void clientAndCustomer() {
        client = server.registerClient("confidential", URI.create("http://127.0.0.1/e2e/callback"), List.of("connect"));
        customer = server.createCustomer("correct horse battery staple");
    }

    @Test
    void infoWhenAccessTokenRevokedOnNodeAThenRefusedThereAtOnceAndOnNodeBWithinTheDelay() throws Exception {
        JsonObject tokens = tokens();

        revokeOnNodeAThenRefusedOnBoth(tokens.getString("access_token"), tokens.getString("access_token"),
                "access_token", "a token");
    }

    @Test
    void infoWhenGrantRevokedOnNodeAThenItsAccessTokenRefusedThereAtOnceAndOnNodeBWithinTheDelay() throws Exception {
        JsonObject tokens = tokens();

        // RFC 7009 §2.1: revoking the refresh token revokes its grant, the access token with it.
        revokeOnNodeAThenRefusedOnBoth(tokens.getString("access_token"), tokens.getString("refresh_token"),
                "refresh_token", "a token of a grant");
    }

    @Test
    void introspectWhenAccessTokenInvalidatedOnNodeAThenInactiveThereAtOnceAndOnNodeBWithinTheDelay()
            throws Exception {
        String accessToken = tokens().getString("access_token");
        assertThat(introspect(server, accessToken).getBoolean("active")).isTrue();
        assertThat(introspect(nodeB, accessToken).getBoolean("active")).isTrue();

        assertThat(server.request("POST", "/oauth/invalidate").bearer(accessToken).send().status()).isEqualTo(204);

        assertThat(introspect(server, accessToken).getBoolean("active")).as("node A, at once").isFalse();
        JsonObject answer = introspect(nodeB, accessToken);
        for (int i = 0; i < POLLS && answer.getBoolean("active"); i++) {
            Thread.sleep(50);
            answer = introspect(nodeB, accessToken);
        }
        assertThat(answer.getBoolean("active")).as("node B, within the delay").isFalse();
    }

    /**
     * Both nodes check {@code accessToken}; {@code revoked} (of {@code hint}) is revoked on node A;
     * node A refuses the access token at once, node B once its cache has seen the revocation.
     */
    private void revokeOnNodeAThenRefusedOnBoth(String accessToken, String revoked, String hint, String what)
            throws InterruptedException {
        checkedOnBothNodes(accessToken);

        long start = System.nanoTime();
        Reply revocation = server.request("POST", "/oauth/revoke").basic(client.id(), client.secret().orElseThrow())
                .form("token", revoked, "token_type_hint", hint).send();
        assertThat(revocation.status()).isEqualTo(200);

        assertThat(info(server, accessToken).status()).as("node A, at once").isEqualTo(401);
        Reply refused = pollUntilRefused(nodeB, accessToken);
        System.out.printf("Token check cache: node B refused %s revoked on node A after %d ms (delay %d ms)%n", what,
                (System.nanoTime() - start) / 1_000_000, DELAY_MILLIS);
        assertThat(refused.status()).as("node B, within the delay").isEqualTo(401);
        assertThat(refused.json().getString("error")).isEqualTo("invalid_token");
    }

    /** Both nodes answer 200 twice: the second check may come from each node's memory. */
    private void checkedOnBothNodes(String accessToken) throws InterruptedException {
        for (E2eServer node : List.of(server, nodeB)) {
            assertThat(info(node, accessToken).status()).isEqualTo(200);
        }
        // One poll of the revocations later, each node's cache may answer.
        Thread.sleep(DELAY_MILLIS);
        for (E2eServer node : List.of(server, nodeB)) {
            assertThat(info(node, accessToken).status()).isEqualTo(200);
        }
    }

    private static Reply info(E2eServer node, String accessToken) {
        return node.request("GET", "/oauth/info").bearer(accessToken).send();
    }

    private JsonObject introspect(E2eServer node, String accessToken) {
        Reply reply = node.request("POST", "/oauth/introspect").basic(client.id(), client.secret().orElseThrow())
                .form("token", accessToken).send();
        assertThat(reply.status()).as("introspection: %s", reply).isEqualTo(200);
        return reply.json();
    }

    /** Asks {@code node} until it refuses the token, at most {@link #POLLS} times 50 ms apart; the last answer. */
    private static Reply pollUntilRefused(E2eServer node, String accessToken) throws InterruptedException {
        Reply reply = info(node, accessToken);
        for (int i = 0; i < POLLS && reply.status() == 200; i++) {
            Thread.sleep(50);
            reply = info(node, accessToken);
        }
        return reply;
    }

    /** An access and refresh token pair for the customer, through the API form of the authorization endpoint. */
    private JsonObject tokens() {
        String redirectUri = client.redirectUri().toString();
        Reply authorized = server.request("GET", "/oauth/authorize?response_type=code&client_id=" + client.id()
                        + "&redirect_uri=" + encode(redirectUri) + "&scope=connect&code_challenge=" + CHALLENGE
                        + "&code_challenge_method=S256")
                .apiKey(customer.apiKey()).header("Accept", "application/json").send();
        assertThat(authorized.status()).as("authorize: %s", authorized).isEqualTo(200);
        Reply token = server.request("POST", "/oauth/token").basic(client.id(), client.secret().orElseThrow())
                .form("grant_type", "authorization_code", "code", authorized.json().getString("code"),
                        "redirect_uri", redirectUri, "code_verifier", VERIFIER)
                .send();
        assertThat(token.status()).as("token: %s", token).isEqualTo(200);
        return token.json();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
