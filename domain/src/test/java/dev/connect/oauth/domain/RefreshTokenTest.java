package dev.connect.oauth.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RefreshTokenTest {
    private static final Instant NOW = Instant.parse("2025-01-15T10:00:00Z");
    private static final Instant EXPIRES = NOW.plus(Duration.ofDays(30));

    private static RefreshToken token(Optional<Instant> retiredAt, Optional<Instant> revokedAt) {
        return new RefreshToken(new TokenId("rt-1"), new SecretHash("a".repeat(64)), new GrantId("grant-1"),
                new ClientId("client-1"), Optional.of(new AccountId("account-1")), ScopeSet.parse("connect triggers"),
                Optional.empty(), NOW, EXPIRES, retiredAt, revokedAt);
    }

    @Test
    void successorThenKeepsGrantClientAccountAndScopesWithANewIdentityAndLife() {
        RefreshToken old = token(Optional.empty(), Optional.empty());
        Instant later = NOW.plus(Duration.ofDays(1));
        SecretHash newHash = new SecretHash("b".repeat(64));

        RefreshToken successor = old.successor(new TokenId("rt-2"), newHash, later, later.plus(Duration.ofDays(30)));

        assertThat(successor.grantId()).isEqualTo(old.grantId());
        assertThat(successor.clientId()).isEqualTo(old.clientId());
        assertThat(successor.accountId()).isEqualTo(old.accountId());
        assertThat(successor.scopes()).isEqualTo(old.scopes());
        assertThat(successor.parentId()).contains(old.id());
        assertThat(successor.id()).isEqualTo(new TokenId("rt-2"));
        assertThat(successor.hash()).isEqualTo(newHash);
        assertThat(successor.issuedAt()).isEqualTo(later);
        assertThat(successor.expiresAt()).isEqualTo(later.plus(Duration.ofDays(30)));
        assertThat(successor.isActive(later)).isTrue();
        assertThat(old.isRetired()).isFalse();
    }

    @Test
    void isActiveThenUntilItExpires() {
        RefreshToken token = token(Optional.empty(), Optional.empty());

        assertThat(token.isActive(EXPIRES.minusMillis(1))).isTrue();
        assertThat(token.isActive(EXPIRES)).isFalse();
    }

    @Test
    void isActiveWhenRetiredThenFalse() {
        RefreshToken retired = token(Optional.of(NOW.plusSeconds(1)), Optional.empty());

        assertThat(retired.isRetired()).isTrue();
        assertThat(retired.isActive(NOW.plusSeconds(2))).isFalse();
    }

    @Test
    void isActiveWhenRevokedThenFalseButNotRetired() {
        RefreshToken revoked = token(Optional.empty(), Optional.of(NOW.plusSeconds(1)));

        assertThat(revoked.isRetired()).isFalse();
        assertThat(revoked.isActive(NOW.plusSeconds(2))).isFalse();
    }

    @Test
    void constructorWhenExpiryNotAfterIssueThenRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new RefreshToken(new TokenId("rt"),
                new SecretHash("a".repeat(64)), new GrantId("g"), new ClientId("c"), Optional.empty(), ScopeSet.EMPTY,
                Optional.empty(), NOW, NOW, Optional.empty(), Optional.empty()));
    }

    @Test
    void constructorWhenNullThenNamesTheMissingField() {
        assertThatNullPointerException().isThrownBy(() -> new RefreshToken(new TokenId("rt"),
                new SecretHash("a".repeat(64)), new GrantId("g"), new ClientId("c"), Optional.empty(), null,
                Optional.empty(), NOW, EXPIRES, Optional.empty(), Optional.empty())).withMessage("scopes");
    }

    @Test
    void checkProofKeyWhenBoundThenOnlyAProofOfThatKeyPasses() {
        JwkThumbprint key = new JwkThumbprint("NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs");
        JwkThumbprint other = new JwkThumbprint("0ZcOCORZNYy-DWpqq30jZyJGHTN0d2HglBV3uiguA4I");
        RefreshToken old = token(Optional.empty(), Optional.empty());
        RefreshToken bound = old.successor(new TokenId("rt-2"), new SecretHash("b".repeat(64)), NOW, EXPIRES,
                Optional.of(key));

        bound.checkProofKey(Optional.of(key));
        Rejections.assertRejected(() -> bound.checkProofKey(Optional.empty()), ErrorCode.INVALID_GRANT);
        Rejections.assertRejected(() -> bound.checkProofKey(Optional.of(other)), ErrorCode.INVALID_GRANT);
        assertThat(bound.successor(new TokenId("rt-3"), new SecretHash("c".repeat(64)), NOW, EXPIRES).boundKey())
                .contains(key);
    }

    @Test
    void checkProofKeyWhenUnboundThenAnyProofOrNonePasses() {
        RefreshToken unbound = token(Optional.empty(), Optional.empty());

        unbound.checkProofKey(Optional.empty());
        unbound.checkProofKey(Optional.of(new JwkThumbprint("NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs")));
        assertThat(unbound.boundKey()).isEmpty();
    }
}
