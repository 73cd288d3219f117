package dev.connect.oauth.adapter.persistence;

import dev.connect.oauth.adapter.persistence.jooq.tables.records.ApiKeysRecord;
import dev.connect.oauth.domain.AccountId;
import dev.connect.oauth.domain.ApiKeyId;
import dev.connect.oauth.domain.IssuedApiKey;
import dev.connect.oauth.domain.SecretHash;

/** {@link IssuedApiKey} to and from a row of {@code api_keys}. */
final class ApiKeyMapper {
    private ApiKeyMapper() {
    }

    static ApiKeysRecord toRecord(IssuedApiKey key) {
        return new ApiKeysRecord(key.id().value(), key.accountId().value(), key.hash().hex(),
                EpochNanos.of(key.createdAt()), EpochNanos.of(key.revokedAt()));
    }

    static IssuedApiKey toApiKey(ApiKeysRecord row) {
        return new IssuedApiKey(ApiKeyId.parse(row.getId()), AccountId.parse(row.getAccountId()),
                new SecretHash(row.getHash()), EpochNanos.toInstant(row.getCreatedAt()),
                EpochNanos.toOptionalInstant(row.getRevokedAt()));
    }
}
