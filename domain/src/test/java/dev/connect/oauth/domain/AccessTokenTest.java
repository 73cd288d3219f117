package dev.connect.oauth.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AccessTokenTest {
    private static final Instant NOW = Instant.parse("2025-01-15T10:00:00Z");
    private static final Instant EXPIRES = NOW.plusSeconds(3600);

    private static AccessToken token(Instant expiresAt, Optional<Instant> revokedAt) {
        return new AccessToken(new TokenId("jti-1"), new SecretHash("a".repeat(64)), new GrantId("grant-1"),
                new ClientId("client-1"), Optional.empty(), ScopeSet.parse("connect"), Optional.empty(), NOW,
                expiresAt, revokedAt);
    }

    @Test
    void isActiveThenFromIssueUntilExpiry() {
        AccessToken token = token(EXPIRES, Optional.empty());

        assertThat(token.isActive(NOW)).isTrue();
        assertThat(token.isActive(EXPIRES.minusMillis(1))).isTrue();
        assertThat(token.isActive(EXPIRES)).isFalse();
    }

    @Test
    void isActiveWhenRevokedThenFalse() {
        assertThat(token(EXPIRES, Optional.of(NOW.plusSeconds(1))).isActive(NOW.plusSeconds(2))).isFalse();
    }

    @Test
    void constructorWhenExpiryNotAfterIssueThenRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> token(NOW, Optional.empty()));
        assertThatIllegalArgumentException().isThrownBy(() -> token(NOW.minusSeconds(1), Optional.empty()));
    }

    @Test
    void constructorWhenNullThenNamesTheMissingField() {
        assertThatNullPointerException().isThrownBy(() -> token(EXPIRES, null)).withMessage("revokedAt");
    }
}
