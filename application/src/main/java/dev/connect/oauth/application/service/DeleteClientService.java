package dev.connect.oauth.application.service;

import dev.connect.oauth.application.port.in.DeleteClientUseCase;
import dev.connect.oauth.application.port.in.Principal;
import dev.connect.oauth.application.port.out.AuditEventType;
import dev.connect.oauth.application.port.out.AuditLog;
import dev.connect.oauth.application.port.out.ClientRepository;
import dev.connect.oauth.domain.ClientId;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code DELETE /api/v1/clients/{id}} (API.md §4), admin only: the store removes the client and
 * revokes its grants in one step, so its codes and tokens stop working at once on this node and
 * on the others within their {@link TokenCheckCache}'s revocation delay.
 */
public final class DeleteClientService implements DeleteClientUseCase {
    private final ClientRepository clients;
    private final TokenCheckCache checks;
    private final AuditTrail audit;
    private final Clock clock;

    @Inject
    public DeleteClientService(ClientRepository clients, TokenCheckCache checks, AuditLog auditLog, Clock clock) {
        this.clients = Objects.requireNonNull(clients, "clients");
        this.checks = Objects.requireNonNull(checks, "checks");
        this.audit = new AuditTrail(auditLog);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void delete(Principal caller, String clientId) {
        caller.requireAdmin();
        Optional<ClientId> id = ClientIds.parse(clientId);
        Instant now = clock.instant();
        if (id.isEmpty() || !clients.remove(id.get(), now)) {
            throw ClientIds.notFound();
        }
        checks.revokedHere();
        audit.record(AuditEventType.CLIENT_DELETED, Optional.of(caller.account().id()), id, "", now);
    }
}
