package dev.connect.oauth.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

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
}
