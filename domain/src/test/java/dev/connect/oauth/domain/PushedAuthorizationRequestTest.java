package dev.connect.oauth.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PushedAuthorizationRequestTest {
    private static final SecretHash HASH = new SecretHash("a".repeat(64));
    private static final ClientId CLIENT = new ClientId("client-1");
    private static final Instant EXPIRES = Instant.parse("2025-01-15T10:01:00Z");

    @Test
    void constructorThenKeepsTheParametersInTheirOrderAndUnmodifiable() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("state", "s");
        parameters.put("client_id", "client-1");
        parameters.put("scope", "connect");

        PushedAuthorizationRequest request = new PushedAuthorizationRequest(HASH, CLIENT, parameters, EXPIRES);
        parameters.put("redirect_uri", "https://evil.example.com/");

        assertThat(request.parameters().keySet()).containsExactly("state", "client_id", "scope");
        assertThatThrownBy(() -> request.parameters().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void constructorWhenFormEncodedParametersTooLongThenInvalidRequest() {
        String state = "é".repeat(PushedAuthorizationRequest.MAX_FORM_LENGTH / 6);

        Rejections.assertRejected(() -> new PushedAuthorizationRequest(HASH, CLIENT, Map.of("state", state), EXPIRES),
                ErrorCode.INVALID_REQUEST);
        assertThat(new PushedAuthorizationRequest(HASH, CLIENT, Map.of("state", "a".repeat(30_000)), EXPIRES)
                .parameters()).containsKey("state");
    }

    @Test
    void isExpiredAtWhenAtTheExpiryThenExpired() {
        PushedAuthorizationRequest request = new PushedAuthorizationRequest(HASH, CLIENT, Map.of(), EXPIRES);

        assertThat(request.isExpiredAt(EXPIRES.minusMillis(1))).isFalse();
        assertThat(request.isExpiredAt(EXPIRES)).isTrue();
    }

    @Test
    void checkTtlWhenOutsideZeroToTenMinutesThenRefused() {
        assertThat(PushedAuthorizationRequest.checkTtl(Duration.ofMinutes(10))).isEqualTo(Duration.ofMinutes(10));
        assertThatThrownBy(() -> PushedAuthorizationRequest.checkTtl(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PushedAuthorizationRequest.checkTtl(Duration.ofMinutes(10).plusSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void constructorWhenNullsThenNamesThem() {
        assertThatThrownBy(() -> new PushedAuthorizationRequest(null, CLIENT, Map.of(), EXPIRES)).hasMessage("hash");
        assertThatThrownBy(() -> new PushedAuthorizationRequest(HASH, null, Map.of(), EXPIRES)).hasMessage("clientId");
        assertThatThrownBy(() -> new PushedAuthorizationRequest(HASH, CLIENT, null, EXPIRES)).hasMessage("parameters");
        assertThatThrownBy(() -> new PushedAuthorizationRequest(HASH, CLIENT, Map.of(), null)).hasMessage("expiresAt");
    }
}
