package dev.connect.oauth.application.service;

import dev.connect.oauth.application.port.in.DisconnectClientUseCase;
import dev.connect.oauth.application.port.in.Principal;
import dev.connect.oauth.application.port.out.AuditEventType;
import dev.connect.oauth.application.port.out.AuditLog;
import dev.connect.oauth.application.port.out.GrantRepository;
import dev.connect.oauth.domain.AccountId;
import dev.connect.oauth.domain.ClientId;
import dev.connect.oauth.domain.ErrorCode;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code DELETE /api/v1/accounts/me/connections/{client_id}} (API.md §4): withdraws the caller's
 * consent to a client; every grant to it is revoked, with its codes and tokens.
 */
public final class DisconnectClientService implements DisconnectClientUseCase {
    private final GrantRepository grants;
    private final AuditTrail audit;
    private final Clock clock;

    @Inject
    public DisconnectClientService(GrantRepository grants, AuditLog auditLog, Clock clock) {
        this.grants = Objects.requireNonNull(grants, "grants");
        this.audit = new AuditTrail(auditLog);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void disconnect(Principal caller, String clientId) {
        AccountId accountId = caller.account().id();
        Instant now = clock.instant();
        Optional<ClientId> client = ClientIds.parse(clientId);
        if (client.isEmpty() || grants.revokeAll(accountId, client.get(), now) == 0) {
            throw ErrorCode.NOT_FOUND.exception("The account is not connected to this client.");
        }
        audit.record(AuditEventType.CLIENT_DISCONNECTED, Optional.of(accountId), client, "", now);
    }
}
