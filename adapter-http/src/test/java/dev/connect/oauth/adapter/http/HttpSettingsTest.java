package dev.connect.oauth.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.connect.oauth.application.OAuthPolicy;
import java.time.Duration;
import java.util.List;
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
        assertThatThrownBy(() -> HttpSettings.builder("http://x").trustedProxies(List.of("lb.example.com")).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lb.example.com");
        assertThatThrownBy(() -> HttpSettings.builder("http://x").trustedProxies(List.of("::1/129")).build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void corsOriginsWhenWrittenAsBrowsersSendThemThenKept() {
        HttpSettings settings = HttpSettings.builder("http://x")
                .corsOrigins(List.of("https://app.example.com", "http://localhost:3000", "http://[::1]:8081"))
                .build();

        assertThat(settings.corsOrigins()).containsExactlyInAnyOrder("https://app.example.com", "http://localhost:3000",
                "http://[::1]:8081");
        assertThat(HttpSettings.builder("http://x").build().corsOrigins()).isEmpty();
    }

    @Test
    void checkOriginWhenNotAnOriginThenRefusedNamingIt() {
        for (String bad : new String[] {"*", "null", "app.example.com", "https://app.example.com/",
                "https://app.example.com/path", "https://app.example.com?q=1", "https://app.example.com#f",
                "https://App.example.com", "HTTPS://app.example.com", "https://app.example.com:443",
                "http://app.example.com:80", "ftp://app.example.com", "https://user@app.example.com", ""}) {
            assertThatThrownBy(() -> HttpSettings.checkOrigin(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(bad);
        }
        assertThatThrownBy(() -> HttpSettings.builder("http://x").corsOrigins(List.of("*")).build())
                .hasMessage("* is not accepted: list each origin");
    }
}
