package dev.connect.oauth.application.service;

import dev.connect.oauth.application.port.out.AuditEvent;
import dev.connect.oauth.application.port.out.AuditEventType;
import dev.connect.oauth.application.port.out.AuditLog;
import dev.connect.oauth.domain.AccountId;
import dev.connect.oauth.domain.ClientId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** The security events the use cases record: ids and a short detail only, never a secret. */
final class AuditTrail {
    private final AuditLog log;

    AuditTrail(AuditLog log) {
        this.log = Objects.requireNonNull(log, "log");
    }

    void record(AuditEventType type, Optional<AccountId> account, Optional<ClientId> client, String detail, Instant at) {
        log.record(new AuditEvent(type, account.map(AccountId::value), client.map(ClientId::value), detail, at));
    }
}
