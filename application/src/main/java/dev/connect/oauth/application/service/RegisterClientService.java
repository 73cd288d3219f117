package dev.connect.oauth.application.service;

import dev.connect.oauth.application.OAuthPolicy;
import dev.connect.oauth.application.port.in.RegisterClientCommand;
import dev.connect.oauth.application.port.in.RegisterClientUseCase;
import dev.connect.oauth.application.port.in.RegisteredClient;
import dev.connect.oauth.application.port.out.AuditEventType;
import dev.connect.oauth.application.port.out.AuditLog;
import dev.connect.oauth.application.port.out.ClientAssertionCodec;
import dev.connect.oauth.application.port.out.ClientRepository;
import dev.connect.oauth.application.port.out.ClientSecretSealer;
import dev.connect.oauth.application.port.out.SecretGenerator;
import dev.connect.oauth.application.port.out.SecretHasher;
import dev.connect.oauth.domain.ClientId;
import dev.connect.oauth.domain.ClientType;
import dev.connect.oauth.domain.ErrorCode;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code POST /api/v1/clients} (API.md §4), admin only. Redirect URIs are absolute https (or http
 * on loopback) without fragment; a public client needs at least one, a confidential client may
 * have none and then use client credentials only. Scopes come from the server's catalogue. A
 * confidential client gets a 256-bit secret, shown once and kept as its hash. Its OpenID Connect
 * settings: post-logout redirect URIs held to the rules of redirect URIs, a subject type
 * ({@code public} or {@code pairwise}) and a default {@code max_age}; and the resources (RFC 8707)
 * its access tokens may be for, absolute URIs without fragment. It may be registered to push
 * every authorization request first (RFC 9126 §6). How it authenticates and which grants it uses
 * are registered too. The validation is {@link ClientRegistrar}'s, shared with dynamic registration.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-2">RFC 6749 §2</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-3.1.2.2">RFC 6749 §3.1.2.2</a>
 */
public final class RegisterClientService implements RegisterClientUseCase {
    private final ClientRepository clients;
    private final SecretGenerator generator;
    private final ClientRegistrar registrar;
    private final AuditTrail audit;
    private final Clock clock;

    @Inject
    public RegisterClientService(ClientRepository clients, SecretGenerator generator, SecretHasher hasher,
                                 ClientSecretSealer sealer, ClientAssertionCodec assertions, AuditLog auditLog, Clock clock,
                                 OAuthPolicy policy) {
        this.clients = Objects.requireNonNull(clients, "clients");
        this.generator = Objects.requireNonNull(generator, "generator");
        this.registrar = new ClientRegistrar(new ClientSecrets(generator, hasher, sealer), assertions, policy);
        this.audit = new AuditTrail(auditLog);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public RegisteredClient register(RegisterClientCommand command) {
        command.caller().requireAdmin();
        if (command.name().isEmpty()) {
            throw ErrorCode.INVALID_REQUEST.exception("name is required.");
        }
        ClientType.parse(command.type().orElse("")); // the v1 API requires the type
        Instant now = clock.instant();
        ClientRegistrar.Built built = registrar.build(new ClientId(generator.identifier()), command.metadata(), now,
                Optional.empty(), "", ClientRegistrar.Errors.ADMIN_API);
        clients.add(built.client());
        audit.record(AuditEventType.CLIENT_REGISTERED, Optional.of(command.caller().account().id()),
                Optional.of(built.client().id()), "type=" + built.client().type().wireName(), now);
        return new RegisteredClient(built.client(), built.secret());
    }
}
