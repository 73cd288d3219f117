package dev.connect.oauth.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.connect.oauth.domain.Client;
import dev.connect.oauth.domain.ClientId;
import dev.connect.oauth.domain.ClientOpenIdSettings;
import dev.connect.oauth.domain.ClientType;
import dev.connect.oauth.domain.RedirectUri;
import dev.connect.oauth.domain.ScopeSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PushedRequestPolicyTest {
    private static Client client(boolean mustPush) {
        return new Client(new ClientId("client-1"), "App", ClientType.PUBLIC, Optional.empty(),
                List.of(new RedirectUri("https://app.example.com/cb")), ScopeSet.parse("connect"), Instant.EPOCH,
                ClientOpenIdSettings.DEFAULTS, mustPush);
    }

    @Test
    void requiredForWhenDefaultsThenOnlyClientsRegisteredSo() {
        assertThat(PushedRequestPolicy.DEFAULTS.requiredFor(client(false))).isFalse();
        assertThat(PushedRequestPolicy.DEFAULTS.requiredFor(client(true))).isTrue();
    }

    @Test
    void requiredForWhenServerRequiresThenEveryClient() {
        assertThat(new PushedRequestPolicy(Duration.ofSeconds(60), true).requiredFor(client(false))).isTrue();
    }

    @Test
    void constructorWhenTtlBeyondTenMinutesThenRefused() {
        assertThatThrownBy(() -> new PushedRequestPolicy(Duration.ofMinutes(11), false))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
