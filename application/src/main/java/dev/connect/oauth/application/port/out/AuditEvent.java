package dev.connect.oauth.application.port.out;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Something security-relevant happened. Never carries a secret: only ids and a short detail.
 *
 * @param type    what happened, for example {@link AuditEventType#REFRESH_TOKEN_REUSED}
 */
public record AuditEvent(AuditEventType type, Optional<String> accountId, Optional<String> clientId, String detail,
                         Instant at) {
    public AuditEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(at, "at");
    }
}
