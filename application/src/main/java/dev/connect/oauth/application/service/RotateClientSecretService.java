package dev.connect.oauth.application.service;

import dev.connect.oauth.application.port.in.Principal;
import dev.connect.oauth.application.port.in.RegisteredClient;
import dev.connect.oauth.application.port.in.RotateClientSecretUseCase;
import dev.connect.oauth.application.port.out.AuditEventType;
import dev.connect.oauth.application.port.out.AuditLog;
import dev.connect.oauth.application.port.out.ClientRepository;
import dev.connect.oauth.application.port.out.SecretGenerator;
import dev.connect.oauth.application.port.out.SecretHasher;
import dev.connect.oauth.domain.Client;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code POST /api/v1/clients/{id}/secret} (API.md §4), admin only: a new secret for a
 * confidential client, shown once; the old one stops working at once. A public client has no
 * secret to rotate ({@code invalid_request}).
 */
public final class RotateClientSecretService implements RotateClientSecretUseCase {
    private final ClientRepository clients;
    private final SecretGenerator generator;
    private final SecretHasher hasher;
    private final AuditTrail audit;
    private final Clock clock;

    @Inject
    public RotateClientSecretService(ClientRepository clients, SecretGenerator generator, SecretHasher hasher,
                                     AuditLog auditLog, Clock clock) {
        this.clients = Objects.requireNonNull(clients, "clients");
        this.generator = Objects.requireNonNull(generator, "generator");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.audit = new AuditTrail(auditLog);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public RegisteredClient rotate(Principal caller, String clientId) {
        caller.requireAdmin();
        Client client = ClientIds.requireRegistered(clients, clientId);
        String secret = generator.secret();
        Client rotated = client.withSecretHash(hasher.hash(secret));
        if (!clients.update(rotated)) {
            throw ClientIds.notFound();
        }
        audit.record(AuditEventType.CLIENT_SECRET_ROTATED, Optional.of(caller.account().id()), Optional.of(client.id()),
                "", clock.instant());
        return new RegisteredClient(rotated, Optional.of(secret));
    }
}
