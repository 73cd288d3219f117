package dev.connect.oauth.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import dev.connect.oauth.bootstrap.e2e.E2eServer.Customer;
import dev.connect.oauth.bootstrap.e2e.E2eServer.TestClient;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A confidential client of the fleet and a customer who authorises it, with the calls the fleet
 * tests make through any node: the API-key authorization (API.md §3, seed 000: no browser) with
 * PKCE S256 (RFC 7636), the token endpoint's three grants, introspection (RFC 7662) and
 * {@code /oauth/info}. Calls return the raw {@link Reply}, so tests count every status.
 */
final class FleetClient {
    private static final URI REDIRECT_URI = URI.create("http://127.0.0.1/fleet/callback");
    private static final String SCOPE = "connect";
    /** Concurrent checks: enough to keep a node busy, few enough for a 2-core machine. */
    private static final int CHECKERS = 8;

    private final TestClient client;
    private final Customer customer;

    private FleetClient(TestClient client, Customer customer) {
        this.client = Objects.requireNonNull(client, "client");
        this.customer = Objects.requireNonNull(customer, "customer");
    }

    /** Registers a client and creates a customer through {@code node}. */
    static FleetClient register(FleetNode node) {
        return new FleetClient(node.api().registerClient("confidential", REDIRECT_URI, List.of(SCOPE)),
                node.api().createCustomer("correct horse battery staple"));
    }

    /** An authorization code and the PKCE verifier it was asked with. */
    record Authorization(String code, String verifier) {
    }

    Authorization authorize(FleetNode node) {
        CodeVerifier verifier = new CodeVerifier();
        String challenge = CodeChallenge.compute(CodeChallengeMethod.S256, verifier).getValue();
        Reply reply = node.request("GET", "/oauth/authorize?response_type=code&client_id=" + encode(client.id())
                        + "&redirect_uri=" + encode(REDIRECT_URI.toString()) + "&scope=" + SCOPE
                        + "&code_challenge_method=S256&code_challenge=" + challenge)
                .apiKey(customer.apiKey()).header("Accept", "application/json").send();
        assertThat(reply.status()).as("authorize through %s: %s", node.name(), reply).isEqualTo(200);
        return new Authorization(reply.json().getString("code"), verifier.getValue());
    }

    Reply exchange(FleetNode node, Authorization authorization) {
        return token(node, "grant_type", "authorization_code", "code", authorization.code(),
                "redirect_uri", REDIRECT_URI.toString(), "code_verifier", authorization.verifier());
    }

    /** A fresh grant (authorized and exchanged through {@code node}): its refresh token. */
    String newRefreshToken(FleetNode node) {
        Reply reply = exchange(node, authorize(node));
        assertThat(reply.status()).as("code exchange through %s: %s", node.name(), reply).isEqualTo(200);
        return reply.json().getString("refresh_token");
    }

    Reply refresh(FleetNode node, String refreshToken) {
        return token(node, "grant_type", "refresh_token", "refresh_token", refreshToken);
    }

    Reply clientCredentials(FleetNode node) {
        return token(node, "grant_type", "client_credentials");
    }

    Reply introspect(FleetNode node, String token) {
        return node.request("POST", "/oauth/introspect").basic(client.id(), client.secret().orElseThrow())
                .form("token", token).send();
    }

    Reply info(FleetNode node, String accessToken) {
        return node.request("GET", "/oauth/info").bearer(accessToken).send();
    }

    /** How many of {@code tokens} the introspection of {@code node} does not find active, checked a few at a time. */
    long inactive(FleetNode node, Collection<String> tokens) throws InterruptedException {
        List<Callable<Boolean>> checks = tokens.stream()
                .<Callable<Boolean>>map(token -> () -> isActive(introspect(node, token))).toList();
        try (ExecutorService checkers = Executors.newFixedThreadPool(CHECKERS)) {
            long inactive = 0;
            for (Future<Boolean> active : checkers.invokeAll(checks)) {
                inactive += Boolean.TRUE.equals(join(active)) ? 0 : 1;
            }
            return inactive;
        }
    }

    private static boolean isActive(Reply introspection) {
        return introspection.status() == 200 && introspection.json().getBoolean("active", false);
    }

    private static <T> T join(Future<T> future) throws InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw new AssertionError("A check failed", e.getCause());
        }
    }

    private Reply token(FleetNode node, String... form) {
        return node.request("POST", "/oauth/token").basic(client.id(), client.secret().orElseThrow()).form(form).send();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
