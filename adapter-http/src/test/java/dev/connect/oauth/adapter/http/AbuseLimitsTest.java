package dev.connect.oauth.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connect.oauth.application.AbuseLimits;
import dev.connect.oauth.application.port.in.RegisteredClient;
import dev.connect.oauth.testkit.testdata.TestClients;
import dev.connect.oauth.testkit.testdata.TestCodes;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The abuse limits as an attacker meets them: each test is an attack that must fail. Every request
 * comes from 127.0.0.1; where a test needs several sources, loopback is a trusted proxy and
 * {@code X-Forwarded-For} names the client, as a load balancer in front of the server would.
 */
class AbuseLimitsTest {
    private static final String FORM = "grant_type=client_credentials";
    private static final AbuseLimits TWO_CLIENT_FAILURES =
            new AbuseLimits(100, 300, 20, Duration.ofHours(1), 2, Duration.ofMinutes(5));

    @Test
    void whenClientAuthenticationFailsFromOneSourceThenTheSameClientFromAnotherSourceIsServed() {
        try (TestServer server = TestServer.start(TWO_CLIENT_FAILURES, behindLoopbackProxy())) {
            RegisteredClient victim = server.confidentialClient();
            String forged = forgedBasic(victim);

            assertThat(token(server, forged, "203.0.113.66").status()).isEqualTo(401);
            assertThat(token(server, forged, "203.0.113.66").status()).isEqualTo(401);
            Reply blocked = token(server, TestServer.basic(victim), "203.0.113.66");

            assertThat(blocked.status()).isEqualTo(429);
            assertThat(blocked.header("Retry-After")).isEqualTo("300");
            assertThat(token(server, TestServer.basic(victim), "198.51.100.7").status()).isEqualTo(200);
        }
    }

    @Test
    void whenAttackerFailsWithAClaimedClientIdThenTheClientsOwnAllowanceIsUntouched() {
        try (TestServer server = TestServer.start(settings -> settings.tokenPerClient(HttpSettings.RateLimit.perMinute(1)))) {
            RegisteredClient victim = server.confidentialClient();
            for (int i = 0; i < 5; i++) {
                assertThat(server.postForm("/oauth/token", FORM, "Authorization", forgedBasic(victim)).status()).isEqualTo(401);
            }

            assertThat(server.postForm("/oauth/token", FORM, "Authorization", TestServer.basic(victim)).status()).isEqualTo(200);
            assertThat(server.postForm("/oauth/token", FORM, "Authorization", TestServer.basic(victim)).status()).isEqualTo(429);
        }
    }

    @Test
    void whenPeerIsNoTrustedProxyThenXForwardedForIsIgnored() {
        try (TestServer server = TestServer.start(TWO_CLIENT_FAILURES, settings -> settings)) {
            RegisteredClient victim = server.confidentialClient();

            failFrom(server, victim, "203.0.113.1", "203.0.113.2");

            assertThat(token(server, TestServer.basic(victim), "203.0.113.3").status()).isEqualTo(429);
        }
    }

    @Test
    void whenAddressesShareAnIpv6Slash64ThenTheyShareOneSource() {
        try (TestServer server = TestServer.start(TWO_CLIENT_FAILURES, behindLoopbackProxy())) {
            RegisteredClient victim = server.confidentialClient();

            failFrom(server, victim, "2001:db8:1:2::1", "2001:db8:1:2:ffff:ffff:ffff:fffe");

            assertThat(token(server, TestServer.basic(victim), "2001:db8:1:2:abcd::9").status()).isEqualTo(429);
            assertThat(token(server, TestServer.basic(victim), "2001:db8:1:3::1").status()).isEqualTo(200);
        }
    }

    @Test
    void whenClientPrependsForgedHopsThenTheHopTheProxyAppendedIsTheSource() {
        try (TestServer server = TestServer.start(TWO_CLIENT_FAILURES, behindLoopbackProxy())) {
            RegisteredClient victim = server.confidentialClient();

            failFrom(server, victim, "192.0.2.1, 203.0.113.66", "192.0.2.2, 203.0.113.66");

            assertThat(token(server, TestServer.basic(victim), "203.0.113.66").status()).isEqualTo(429);
            assertThat(token(server, TestServer.basic(victim), "203.0.113.66, 192.0.2.1").status()).isEqualTo(200);
        }
    }

    @Test
    void whenClientAuthenticationFailsAtIntrospectionThenItCountsTowardTheSameLimit() {
        try (TestServer server = TestServer.start(TWO_CLIENT_FAILURES, behindLoopbackProxy())) {
            RegisteredClient victim = server.confidentialClient();
            for (int i = 0; i < 2; i++) {
                assertThat(server.postForm("/oauth/introspect", "token=x", "Authorization", forgedBasic(victim),
                        RequestSources.FORWARDED_FOR, "203.0.113.66").status()).isEqualTo(401);
            }

            assertThat(server.postForm("/oauth/revoke", "token=x", "Authorization", TestServer.basic(victim),
                    RequestSources.FORWARDED_FOR, "203.0.113.66").status()).isEqualTo(429);
            assertThat(token(server, TestServer.basic(victim), "203.0.113.66").status()).isEqualTo(429);
            assertThat(server.postForm("/oauth/revoke", "token=x", "Authorization", TestServer.basic(victim),
                    RequestSources.FORWARDED_FOR, "198.51.100.7").status()).isEqualTo(200);
        }
    }

    @Test
    void whenSignInAttemptsFromOneSourceExceedThePerNodeGuardThenOtherSourcesAreServed() {
        try (TestServer server = TestServer.start(behindLoopbackProxy()
                .andThen(settings -> settings.signInPerAddress(HttpSettings.RateLimit.perMinute(1)))::apply)) {
            RegisteredClient client = server.confidentialClient();
            Browser flooder = new Browser(server).withHeader(RequestSources.FORWARDED_FOR, "2001:db8:9:9::1");
            Reply page = flooder.get(authorizeUrl(client));
            flooder.submit("/oauth/authorize/sign-in", page, "email=a%40example.com", "password=x");

            Reply sameSlash64 = flooder.withHeader(RequestSources.FORWARDED_FOR, "2001:db8:9:9::2")
                    .submit("/oauth/authorize/sign-in", page, "email=b%40example.com", "password=y");
            Reply otherSource = flooder.withHeader(RequestSources.FORWARDED_FOR, "192.0.2.44")
                    .submit("/oauth/authorize/sign-in", page, "email=c%40example.com", "password=z");

            assertThat(sameSlash64.status()).isEqualTo(429);
            assertThat(otherSource.status()).isEqualTo(200);
        }
    }

    private static UnaryOperator<HttpSettings.Builder> behindLoopbackProxy() {
        return settings -> settings.trustedProxies(List.of("127.0.0.1/32"));
    }

    /** One failed client authentication of {@code victim} from each source. */
    private static void failFrom(TestServer server, RegisteredClient victim, String... forwardedFor) {
        for (String source : forwardedFor) {
            assertThat(token(server, forgedBasic(victim), source).status()).as("from %s", source).isEqualTo(401);
        }
    }

    private static Reply token(TestServer server, String authorization, String forwardedFor) {
        return server.postForm("/oauth/token", FORM, "Authorization", authorization,
                RequestSources.FORWARDED_FOR, forwardedFor);
    }

    private static String forgedBasic(RegisteredClient client) {
        return TestServer.basic(new RegisteredClient(client.client(), Optional.of("not-the-secret")));
    }

    private static String authorizeUrl(RegisteredClient client) {
        return "/oauth/authorize?response_type=code&client_id=" + client.client().id().value() + "&redirect_uri="
                + FormCodec.encode(TestClients.REDIRECT_URI)
                + "&scope=connect&state=s&code_challenge=" + TestCodes.CHALLENGE
                + "&code_challenge_method=S256";
    }
}
