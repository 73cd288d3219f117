package dev.connect.oauth.adapter.persistence;

import dev.connect.oauth.adapter.persistence.jooq.tables.records.GrantsRecord;
import dev.connect.oauth.domain.AccountId;
import dev.connect.oauth.domain.Authentication;
import dev.connect.oauth.domain.ClientId;
import dev.connect.oauth.domain.Grant;
import dev.connect.oauth.domain.GrantId;
import dev.connect.oauth.domain.ScopeSet;
import java.util.Optional;

/** {@link Grant} to and from a row of {@code grants}. */
final class GrantMapper {
    private GrantMapper() {
    }

    static GrantsRecord toRecord(Grant grant) {
        GrantsRecord row = new GrantsRecord();
        row.setId(grant.id().value());
        row.setClientId(grant.clientId().value());
        row.setAccountId(grant.accountId().map(AccountId::value).orElse(null));
        row.setScopes(grant.scopes().toString());
        row.setCreatedAt(EpochNanos.of(grant.createdAt()));
        row.setRevokedAt(EpochNanos.of(grant.revokedAt()));
        row.setAuthTime(EpochNanos.of(grant.authentication().map(Authentication::time)));
        row.setNonce(grant.authentication().flatMap(Authentication::nonce).orElse(null));
        return row;
    }

    static Grant toGrant(GrantsRecord row) {
        return new Grant(GrantId.parse(row.getId()), ClientId.parse(row.getClientId()),
                Optional.ofNullable(row.getAccountId()).map(AccountId::parse), ScopeSet.parse(row.getScopes()),
                EpochNanos.toInstant(row.getCreatedAt()), EpochNanos.toOptionalInstant(row.getRevokedAt()),
                EpochNanos.toOptionalInstant(row.getAuthTime())
                        .map(time -> new Authentication(time, Optional.ofNullable(row.getNonce()))));
    }
}
