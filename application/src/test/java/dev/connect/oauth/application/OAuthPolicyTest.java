package dev.connect.oauth.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.connect.oauth.domain.ScopeSet;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OAuthPolicyTest {
    private static final Instant USED_AT = Instant.parse("2026-12-02T06:00:00Z");
    private final OAuthPolicy policy = OAuthPolicy.defaults("https://auth.example.com");

    @Test
    void withinRetryGraceWhenBeforeItsEndThenTrue() {
        assertThat(policy.retryGrace()).isEqualTo(Duration.ofSeconds(10));
        assertThat(policy.withinRetryGrace(USED_AT, USED_AT)).isTrue();
        assertThat(policy.withinRetryGrace(USED_AT, USED_AT.plusMillis(9_999))).isTrue();
    }

    @Test
    void withinRetryGraceWhenAtOrAfterItsEndThenFalse() {
        assertThat(policy.withinRetryGrace(USED_AT, USED_AT.plusSeconds(10))).isFalse();
        assertThat(policy.withinRetryGrace(USED_AT, USED_AT.plusSeconds(60))).isFalse();
    }

    @Test
    void withinRetryGraceWhenTurnedOffThenFalse() {
        assertThat(policy.withRetryGrace(Duration.ZERO).withinRetryGrace(USED_AT, USED_AT)).isFalse();
    }

    @Test
    void constructorWhenRetryGraceNegativeOrOverAMinuteThenRejected() {
        assertThatThrownBy(() -> policy.withRetryGrace(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> policy.withRetryGrace(Duration.ofSeconds(61)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> policy.withRetryGrace(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("retryGrace");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://auth.example.com", "http://localhost:8080", "https://example.com/connect"})
    void checkIssuerWhenHttpUrlWithoutQueryFragmentOrTrailingSlashThenAccepted(String issuer) {
        assertThat(OAuthPolicy.checkIssuer(issuer)).isEqualTo(issuer);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://example.com", "https://example.com/", "https://example.com?a=b",
            "https://example.com#top", "example.com", "https://", "not a url"})
    void checkIssuerWhenAnythingElseThenRejected(String issuer) {
        assertThatThrownBy(() -> OAuthPolicy.checkIssuer(issuer)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OAuthPolicy.defaults(issuer)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void defaultsThenTheDocumentedDefaultsAndTheirConstants() {
        OAuthPolicy policy = OAuthPolicy.defaults("https://auth.example.com");

        assertThat(policy.scopeCatalogue()).isEqualTo(ScopeSet.parse("connect triggers actions tests"))
                .isEqualTo(OAuthPolicy.DEFAULT_SCOPE_CATALOGUE);
        assertThat(policy.accessTokenTtl()).isEqualTo(OAuthPolicy.DEFAULT_ACCESS_TOKEN_TTL);
        assertThat(policy.refreshTokenTtl()).isEqualTo(OAuthPolicy.DEFAULT_REFRESH_TOKEN_TTL);
        assertThat(policy.sessionTtl()).isEqualTo(OAuthPolicy.DEFAULT_SESSION_TTL);
        assertThat(policy.allowPlainPkce()).isEqualTo(OAuthPolicy.DEFAULT_ALLOW_PLAIN_PKCE);
    }
}
