package dev.connect.oauth.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GrantTest {
    private static final Instant NOW = Instant.parse("2025-01-15T10:00:00Z");

    @Test
    void ofThenActiveWithTheGivenFields() {
        Grant grant = Grant.of(new GrantId("grant-1"), new ClientId("client-1"), Optional.of(new AccountId("account-1")),
                ScopeSet.parse("connect"), NOW);

        assertThat(grant.isActive()).isTrue();
        assertThat(grant.revokedAt()).isEmpty();
        assertThat(grant.createdAt()).isEqualTo(NOW);
        assertThat(grant.accountId()).contains(new AccountId("account-1"));
    }

    @Test
    void isActiveWhenRevokedThenFalse() {
        Grant grant = new Grant(new GrantId("grant-1"), new ClientId("client-1"), Optional.empty(), ScopeSet.EMPTY, NOW,
                Optional.of(NOW.plusSeconds(1)));

        assertThat(grant.isActive()).isFalse();
    }

    @Test
    void constructorWhenNullThenNamesTheMissingField() {
        assertThatNullPointerException().isThrownBy(() -> Grant.of(new GrantId("g"), null, Optional.empty(),
                ScopeSet.EMPTY, NOW)).withMessage("clientId");
        assertThatNullPointerException().isThrownBy(() -> Grant.of(new GrantId("g"), new ClientId("c"), null,
                ScopeSet.EMPTY, NOW)).withMessage("accountId");
    }
}
