package dev.connect.oauth.domain;

import static dev.connect.oauth.domain.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RefreshTokenLifetimeTest {
    private static final Instant GRANTED = Instant.parse("2025-01-01T00:00:00Z");
    private static final RefreshTokenLifetime LIFETIME = new RefreshTokenLifetime(Duration.ofDays(30), Duration.ofDays(90));

    @Test
    void expiresAtWhenFamilyYoungThenTtlFromNow() {
        Instant now = GRANTED.plus(Duration.ofDays(10));

        assertThat(LIFETIME.expiresAt(now, GRANTED)).isEqualTo(now.plus(Duration.ofDays(30)));
    }

    @Test
    void expiresAtWhenTtlWouldOutliveTheFamilyThenTheFamilyEnd() {
        Instant now = GRANTED.plus(Duration.ofDays(80));

        assertThat(LIFETIME.expiresAt(now, GRANTED)).isEqualTo(GRANTED.plus(Duration.ofDays(90)));
    }

    @Test
    void expiresAtWhenRotatedEveryMonthThenTheFamilyStillEndsAtItsMaximum() {
        Instant now = GRANTED;
        Instant expiresAt = LIFETIME.expiresAt(now, GRANTED);
        for (int rotation = 0; rotation < 3; rotation++) {
            now = expiresAt.minusSeconds(1);
            expiresAt = LIFETIME.expiresAt(now, GRANTED);
        }

        assertThat(expiresAt).isEqualTo(GRANTED.plus(Duration.ofDays(90)));
        Instant last = expiresAt;
        assertRejected(() -> LIFETIME.expiresAt(last, GRANTED), ErrorCode.INVALID_GRANT);
    }

    @Test
    void expiresAtWhenFamilyOverThenInvalidGrant() {
        assertRejected(() -> LIFETIME.expiresAt(GRANTED.plus(Duration.ofDays(91)), GRANTED), ErrorCode.INVALID_GRANT);
    }

    @Test
    void constructorWhenNotPositiveOrNullThenRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new RefreshTokenLifetime(Duration.ZERO, Duration.ofDays(1)));
        assertThatIllegalArgumentException().isThrownBy(() -> new RefreshTokenLifetime(Duration.ofDays(1), Duration.ofDays(-1)));
        assertThatNullPointerException().isThrownBy(() -> new RefreshTokenLifetime(null, Duration.ofDays(1)));
        assertThatNullPointerException().isThrownBy(() -> LIFETIME.expiresAt(null, GRANTED));
    }
}
