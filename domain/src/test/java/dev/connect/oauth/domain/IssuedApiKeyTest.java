package dev.connect.oauth.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IssuedApiKeyTest {
    private static final Instant NOW = Instant.parse("2025-01-15T10:00:00Z");

    @Test
    void issueThenActiveUntilRevoked() {
        IssuedApiKey key = IssuedApiKey.issue(new ApiKeyId("key-1"), new AccountId("account-1"),
                new SecretHash("f".repeat(64)), NOW);

        assertThat(key.isActive()).isTrue();
        assertThat(key.createdAt()).isEqualTo(NOW);
        assertThat(new IssuedApiKey(key.id(), key.accountId(), key.hash(), NOW, Optional.of(NOW)).isActive()).isFalse();
    }
}
