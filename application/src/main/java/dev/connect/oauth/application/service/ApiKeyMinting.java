package dev.connect.oauth.application.service;

import dev.connect.oauth.application.port.in.NewApiKey;
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
 * once and kept only as their hash. It stores nothing: the caller stores {@link NewApiKey#issued()},
 * with its account when opening one (one atomic step), on its own for any later key.
 */
final class ApiKeyMinting {
    private final SecretGenerator generator;
    private final SecretHasher hasher;

    ApiKeyMinting(SecretGenerator generator, SecretHasher hasher) {
        this.generator = Objects.requireNonNull(generator, "generator");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
    }

    /** A new random key for {@code owner}. */
    NewApiKey mint(AccountId owner, Instant now) {
        return issue(owner, ApiKey.parse(ApiKey.PREFIX + generator.secret()), now);
    }

    /** Issues a key made elsewhere (the bootstrap admin's, from the environment). */
    NewApiKey issue(AccountId owner, ApiKey key, Instant now) {
        IssuedApiKey issued = IssuedApiKey.issue(new ApiKeyId(generator.identifier()), owner,
                hasher.hash(key.value()), now);
        return new NewApiKey(issued, key);
    }
}
