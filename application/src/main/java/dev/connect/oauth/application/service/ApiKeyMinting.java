package dev.connect.oauth.application.service;

import dev.connect.oauth.application.port.in.NewApiKey;
import dev.connect.oauth.application.port.out.ApiKeyRepository;
import dev.connect.oauth.application.port.out.SecretGenerator;
import dev.connect.oauth.application.port.out.SecretHasher;
import dev.connect.oauth.domain.AccountId;
import dev.connect.oauth.domain.ApiKey;
import dev.connect.oauth.domain.ApiKeyId;
import dev.connect.oauth.domain.IssuedApiKey;
import java.time.Instant;
import java.util.Objects;

/**
 * Issues API keys (API.md §4): {@code ck_} and 256 random bits as 43 base64url characters, shown
 * once and kept only as their hash.
 */
final class ApiKeyMinting {
    private final ApiKeyRepository apiKeys;
    private final SecretGenerator generator;
    private final SecretHasher hasher;

    ApiKeyMinting(ApiKeyRepository apiKeys, SecretGenerator generator, SecretHasher hasher) {
        this.apiKeys = Objects.requireNonNull(apiKeys, "apiKeys");
        this.generator = Objects.requireNonNull(generator, "generator");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
    }

    /** A new random key for {@code owner}. */
    NewApiKey mint(AccountId owner, Instant now) {
        return keep(owner, ApiKey.parse(ApiKey.PREFIX + generator.secret()), now);
    }

    /** Stores the hash of a key made elsewhere (the bootstrap admin's, from the environment). */
    NewApiKey keep(AccountId owner, ApiKey key, Instant now) {
        IssuedApiKey issued = IssuedApiKey.issue(new ApiKeyId(generator.identifier()), owner,
                hasher.hash(key.value()), now);
        apiKeys.add(issued);
        return new NewApiKey(issued, key);
    }
}
