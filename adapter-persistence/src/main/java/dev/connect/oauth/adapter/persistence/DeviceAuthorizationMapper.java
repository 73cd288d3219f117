package dev.connect.oauth.adapter.persistence;

import dev.connect.oauth.adapter.persistence.jooq.tables.records.DeviceAuthorizationsRecord;
import dev.connect.oauth.domain.ClientId;
import dev.connect.oauth.domain.DeviceAuthorization;
import dev.connect.oauth.domain.GrantId;
import dev.connect.oauth.domain.ScopeSet;
import dev.connect.oauth.domain.SecretHash;
import java.time.Duration;
import java.util.Optional;

/** {@link DeviceAuthorization} to and from a row of {@code device_authorizations}. */
final class DeviceAuthorizationMapper {
    private DeviceAuthorizationMapper() {
    }

    static DeviceAuthorizationsRecord toRecord(DeviceAuthorization request) {
        DeviceAuthorizationsRecord row = new DeviceAuthorizationsRecord();
        row.setDeviceCodeHash(request.deviceCodeHash().hex());
        row.setUserCodeHash(request.userCodeHash().hex());
        row.setClientId(request.clientId().value());
        row.setScopes(request.scopes().toString());
        row.setIssuedAt(EpochNanos.of(request.issuedAt()));
        row.setExpiresAt(EpochNanos.of(request.expiresAt()));
        row.setPollIntervalMillis(request.interval().toMillis());
        row.setLastPolledAt(EpochNanos.of(request.lastPolledAt()));
        row.setStatus(request.status().name());
        row.setGrantId(request.grantId().map(GrantId::value).orElse(null));
        row.setRedeemedAt(EpochNanos.of(request.redeemedAt()));
        return row;
    }

    static DeviceAuthorization toRequest(DeviceAuthorizationsRecord row) {
        return new DeviceAuthorization(new SecretHash(row.getDeviceCodeHash()), new SecretHash(row.getUserCodeHash()),
                ClientId.parse(row.getClientId()), ScopeSet.parse(row.getScopes()),
                EpochNanos.toInstant(row.getIssuedAt()), EpochNanos.toInstant(row.getExpiresAt()),
                Duration.ofMillis(row.getPollIntervalMillis()), EpochNanos.toOptionalInstant(row.getLastPolledAt()),
                DeviceAuthorization.Status.valueOf(row.getStatus()),
                Optional.ofNullable(row.getGrantId()).map(GrantId::parse),
                EpochNanos.toOptionalInstant(row.getRedeemedAt()));
    }
}
