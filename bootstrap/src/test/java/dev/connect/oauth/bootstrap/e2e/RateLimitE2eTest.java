package dev.connect.oauth.bootstrap.e2e;

import static dev.connect.oauth.bootstrap.e2e.HttpContractE2eTest.assertErrorShape;
import static org.assertj.core.api.Assertions.assertThat;

import dev.connect.oauth.bootstrap.e2e.E2eServer.TestClient;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * API.md §1, 429: a server of its own whose token endpoint allows one successful request per
 * client and minute, so the second is refused with {@code Retry-After}. That limit lives in the
 * node's memory, so the embedded database is enough here; the limits shared by every node are
 * {@link SharedStateE2eTest}'s.
 */
class RateLimitE2eTest extends ServerSuite {
    RateLimitE2eTest() {
        super(Backend.H2);
    }

    @Override
    Map<String, String> settings() {
        return Map.of("CONNECT_TOKEN_RATE_LIMIT_PER_MINUTE", "1");
    }

    @Test
    void tokenWhenClientExceedsItsLimitThen429WithRetryAfterAndOtherClientsUnaffected() {
        TestClient limited = client();
        TestClient other = client();

        assertThat(clientCredentials(limited).status()).isEqualTo(200);
        Reply refused = clientCredentials(limited);

        assertErrorShape(refused, 429, "too_many_requests", 429);
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isPositive();
        assertThat(clientCredentials(other).status()).isEqualTo(200);
    }

    private TestClient client() {
        return server.registerClient("confidential", URI.create("http://127.0.0.1/e2e/callback"), List.of("triggers"));
    }

    private Reply clientCredentials(TestClient client) {
        return server.request("POST", "/oauth/token").basic(client.id(), client.secret().orElseThrow())
                .form("grant_type", "client_credentials").send();
    }
}
