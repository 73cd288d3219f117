package dev.connect.oauth.application.port.in;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AuthorizationRequestTest {
    @Test
    void ofWhenParametersByWireNameThenEachInItsField() {
        AuthorizationRequest request = AuthorizationRequest.of(Map.of("response_type", "code", "client_id", "c",
                "redirect_uri", "https://app.example.com/cb", "scope", "connect", "state", "s",
                "code_challenge", "x", "code_challenge_method", "S256"));

        assertThat(request.responseType()).contains("code");
        assertThat(request.clientId()).contains("c");
        assertThat(request.redirectUri()).contains("https://app.example.com/cb");
        assertThat(request.scope()).contains("connect");
        assertThat(request.state()).contains("s");
        assertThat(request.codeChallenge()).contains("x");
        assertThat(request.codeChallengeMethod()).contains("S256");
        assertThat(request.repeatedParameters()).isEmpty();
    }

    @Test
    void whenParameterEmptyThenAbsent() {
        AuthorizationRequest request = AuthorizationRequest.of(Map.of("client_id", "c", "state", ""));

        assertThat(request.state()).isEmpty();
        assertThat(request.parameters()).containsExactly(Map.entry("client_id", "c"));
    }

    @Test
    void parametersThenThePresentOnesInWireOrder() {
        AuthorizationRequest request = AuthorizationRequest.of(Map.of("state", "s", "client_id", "c",
                "response_type", "code"));

        assertThat(request.parameters()).containsExactly(Map.entry("response_type", "code"),
                Map.entry("client_id", "c"), Map.entry("state", "s"));
        assertThat(AuthorizationRequest.of(request.parameters())).isEqualTo(request);
    }

    @Test
    void whenRepeatedThenSortedOnceEach() {
        AuthorizationRequest request = AuthorizationRequest.of(name -> Optional.empty(), List.of("state", "scope", "state"));

        assertThat(request.repeatedParameters()).containsExactly("scope", "state");
        assertThat(request.isRepeated("state")).isTrue();
        assertThat(request.isRepeated("client_id")).isFalse();
    }

    @Test
    void whenFieldNullThenNullPointerException() {
        assertThatNullPointerException().isThrownBy(() -> new AuthorizationRequest(Optional.empty(), null,
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), List.of()))
                .withMessage("clientId");
    }
}
