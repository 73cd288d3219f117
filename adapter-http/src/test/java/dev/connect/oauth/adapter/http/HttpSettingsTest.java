package dev.connect.oauth.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.connect.oauth.application.OAuthPolicy;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class HttpSettingsTest {
    @Test
    void defaultsAreThoseOfApiMd() {
        HttpSettings settings = HttpSettings.builder("http://localhost:8080/").build();

        assertThat(settings.issuer()).isEqualTo("http://localhost:8080");
        assertThat(settings.latestVersion()).isEqualTo("1.8.0");
        assertThat(settings.minimumVersion()).isEqualTo("1.0.0");
        assertThat(settings.maintenance()).isFalse();
        assertThat(settings.secureCookies()).isFalse();
        assertThat(settings.basePath()).isEmpty();
    }

    @Test
    void builderFromPolicyTakesIssuerScopesAndPkceRule() {
        OAuthPolicy policy = OAuthPolicy.defaults("https://auth.example.com/connect");

        HttpSettings settings = HttpSettings.builder(policy).build();

        assertThat(settings.issuer()).isEqualTo("https://auth.example.com/connect");
        assertThat(settings.scopeCatalogue()).isEqualTo(policy.scopeCatalogue());
        assertThat(settings.secureCookies()).isTrue();
        assertThat(settings.basePath()).isEqualTo("/connect");
    }

    @Test
    void whenValuesInvalidThenRefusedAtStart() {
        assertThatThrownBy(() -> HttpSettings.builder("ftp://x").build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HttpSettings.builder("http://x?a=b").build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HttpSettings.builder("http://x").versions("1.0", "1.0.0").build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HttpSettings.builder("http://x").versions("1.0.0", "1.1.0").build())
                .hasMessageContaining("older");
        assertThatThrownBy(() -> HttpSettings.builder("http://x").serverInstances(0).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HttpSettings.RateLimit(0, Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HttpSettings.builder((String) null)).isInstanceOf(NullPointerException.class);
    }
}
