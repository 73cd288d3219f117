package dev.connect.oauth.application.port.out;

import dev.connect.oauth.domain.AccountId;
import dev.connect.oauth.domain.ApiKeyId;
import dev.connect.oauth.domain.IssuedApiKey;
import dev.connect.oauth.domain.SecretHash;
import java.time.Instant;
import java.util.Optional;

/** Issued API keys, by the hash of the key. Each call is atomic on its own. */
public interface ApiKeyRepository {
    void add(IssuedApiKey key);

    /** The key with this hash, revoked or not. */
    Optional<IssuedApiKey> findByHash(SecretHash hash);

    /** Revokes one of the owner's active keys; false when the owner has no such active key. */
    boolean revoke(AccountId owner, ApiKeyId id, Instant at);
}
