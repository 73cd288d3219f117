package dev.connect.oauth.application.service;

import dev.connect.oauth.application.port.in.Principal;
import dev.connect.oauth.application.port.in.RegisteredClient;
import dev.connect.oauth.application.port.in.RotateClientSecretUseCase;
import dev.connect.oauth.application.port.out.AuditEventType;
import dev.connect.oauth.application.port.out.AuditLog;
import dev.connect.oauth.application.port.out.ClientRepository;
import dev.connect.oauth.application.port.out.ClientSecretSealer;
import dev.connect.oauth.application.port.out.SecretGenerator;
import dev.connect.oauth.application.port.out.SecretHasher;
import dev.connect.oauth.domain.Client;
import dev.connect.oauth.domain.ErrorCode;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code POST /api/v1/clients/{id}/secret} (API.md §4), admin only: a new secret for a client
 * that authenticates with one, shown once and kept as its hash, or sealed for
 * {@code client_secret_jwt} ({@link ClientSecrets}); the old one stops working at once. A client
 * without a secret ({@code none}, {@code private_key_jwt}) has none to rotate ({@code invalid_request}).
 */
public final class RotateClientSecretService implements RotateClientSecretUseCase {
    private final ClientRepository clients;
    private final ClientSecrets secrets;
    private final AuditTrail audit;
    private final Clock clock;

    @Inject
    public RotateClientSecretService(ClientRepository clients, SecretGenerator generator, SecretHasher hasher,
                                     ClientSecretSealer sealer, AuditLog auditLog, Clock clock) {
        this.clients = Objects.requireNonNull(clients, "clients");
        this.secrets = new ClientSecrets(generator, hasher, sealer);
        this.audit = new AuditTrail(auditLog);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public RegisteredClient rotate(Principal caller, String clientId) {
        caller.requireAdmin();
        Client client = ClientIds.requireRegistered(clients, clientId);
        ClientSecrets.Issued issued = secrets.issue(client.id(), client.auth()).orElseThrow(
                () -> ErrorCode.INVALID_REQUEST.exception("This client authenticates without a secret."));
        Client rotated = issued.sealed().map(client::withSealedSecret).orElseGet(() -> client.withSecretHash(issued.hash().orElseThrow()));
        if (!clients.update(rotated)) {
            throw ClientIds.notFound();
        }
        audit.record(AuditEventType.CLIENT_SECRET_ROTATED, Optional.of(caller.account().id()), Optional.of(client.id()),
                "", clock.instant());
        return new RegisteredClient(rotated, Optional.of(issued.secret()));
    }
}
