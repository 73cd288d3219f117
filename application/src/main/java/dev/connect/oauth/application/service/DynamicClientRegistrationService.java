package dev.connect.oauth.application.service;

import dev.connect.oauth.application.OAuthPolicy;
import dev.connect.oauth.application.port.in.ClientMetadata;
import dev.connect.oauth.application.port.in.ManageClientRegistrationUseCase;
import dev.connect.oauth.application.port.in.Principal;
import dev.connect.oauth.application.port.in.RegisterClientDynamicallyUseCase;
import dev.connect.oauth.application.port.in.RegisteredClient;
import dev.connect.oauth.application.port.out.AuditEventType;
import dev.connect.oauth.application.port.out.AuditLog;
import dev.connect.oauth.application.port.out.ClientAssertionCodec;
import dev.connect.oauth.application.port.out.ClientRepository;
import dev.connect.oauth.application.port.out.ClientSecretSealer;
import dev.connect.oauth.application.port.out.SecretGenerator;
import dev.connect.oauth.application.port.out.SecretHasher;
import dev.connect.oauth.domain.Client;
import dev.connect.oauth.domain.ClientId;
import dev.connect.oauth.domain.ErrorCode;
import dev.connect.oauth.domain.Scope;
import dev.connect.oauth.domain.SecretHash;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Dynamic client registration and the client configuration endpoint (RFC 7591 §3, RFC 7592 §2).
 * The initial access token is an admin's API key, checked by the caller; metadata goes through the
 * {@link ClientRegistrar} of the v1 API, with RFC 7591's error codes; without a {@code scope}, a
 * client may ask for the whole catalogue. Each dynamically registered
 * client gets a 256-bit registration access token, shown once and kept as its hash; the
 * configuration endpoint compares against it in constant time, and an unknown client costs the same
 * comparison, so {@code invalid_token} tells nothing about which clients exist.
 */
public final class DynamicClientRegistrationService implements RegisterClientDynamicallyUseCase,
        ManageClientRegistrationUseCase {
    /** The {@code client_name} of a client registered without one. */
    static final String DEFAULT_NAME = "Dynamically registered client";
    private static final SecretHash NO_CLIENT = new SecretHash("0".repeat(64));

    private final ClientRepository clients;
    private final SecretGenerator generator;
    private final SecretHasher hasher;
    private final ClientSecrets secrets;
    private final ClientRegistrar registrar;
    private final TokenCheckCache checks;
    private final List<String> catalogue;
    private final AuditTrail audit;
    private final Clock clock;

    @Inject
    public DynamicClientRegistrationService(ClientRepository clients, SecretGenerator generator, SecretHasher hasher,
                                            ClientSecretSealer sealer, ClientAssertionCodec assertions,
                                            TokenCheckCache checks, AuditLog auditLog, Clock clock, OAuthPolicy policy) {
        this.clients = Objects.requireNonNull(clients, "clients");
        this.generator = Objects.requireNonNull(generator, "generator");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.secrets = new ClientSecrets(generator, hasher, sealer);
        this.registrar = new ClientRegistrar(secrets, assertions, policy);
        this.checks = Objects.requireNonNull(checks, "checks");
        this.catalogue = policy.scopeCatalogue().scopes().stream().map(Scope::value).toList();
        this.audit = new AuditTrail(auditLog);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public RegisteredClient register(Principal initialAccess, ClientMetadata metadata) {
        initialAccess.requireAdmin();
        Instant now = clock.instant();
        ClientRegistrar.Built built = registrar.build(new ClientId(generator.identifier()), metadata.withDefaultScopes(catalogue), now,
                Optional.empty(), DEFAULT_NAME, ClientRegistrar.Errors.RFC_7591);
        String registrationToken = generator.secret();
        Client client = built.client().withRegistrationTokenHash(hasher.hash(registrationToken));
        clients.add(client);
        audit.record(AuditEventType.CLIENT_REGISTERED, Optional.of(initialAccess.account().id()), Optional.of(client.id()),
                "type=" + client.type().wireName() + " dynamic", now);
        return new RegisteredClient(client, built.secret(), Optional.of(registrationToken));
    }

    @Override
    public Client read(String clientId, String registrationAccessToken) {
        return authorized(clientId, registrationAccessToken);
    }

    @Override
    public RegisteredClient update(String clientId, String registrationAccessToken, ClientMetadata metadata,
                                   Optional<String> presentedSecret) {
        Client current = authorized(clientId, registrationAccessToken);
        if (presentedSecret.isPresent() && !secrets.matches(current, presentedSecret.get())) {
            throw ErrorCode.INVALID_CLIENT_METADATA.exception("client_secret is not this client's secret.");
        }
        ClientRegistrar.Built built = registrar.build(current.id(), metadata.withDefaultScopes(catalogue), current.createdAt(),
                Optional.of(current), DEFAULT_NAME, ClientRegistrar.Errors.RFC_7591);
        Client updated = built.client().withRegistrationTokenHash(current.auth().registrationTokenHash().orElseThrow());
        if (!clients.update(updated)) {
            throw invalidToken();
        }
        audit.record(AuditEventType.CLIENT_REGISTERED, Optional.empty(), Optional.of(updated.id()),
                "type=" + updated.type().wireName() + " updated", clock.instant());
        return new RegisteredClient(updated, built.secret());
    }

    @Override
    public void delete(String clientId, String registrationAccessToken) {
        Client client = authorized(clientId, registrationAccessToken);
        Instant now = clock.instant();
        if (!clients.remove(client.id(), now)) {
            throw invalidToken();
        }
        checks.revokedHere();
        audit.record(AuditEventType.CLIENT_DELETED, Optional.empty(), Optional.of(client.id()), "dynamic", now);
    }

    private Client authorized(String clientId, String registrationAccessToken) {
        Objects.requireNonNull(registrationAccessToken, "registrationAccessToken");
        Optional<Client> found = ClientIds.parse(clientId).flatMap(clients::findById);
        SecretHash expected = found.flatMap(client -> client.auth().registrationTokenHash()).orElse(NO_CLIENT);
        boolean matches = hasher.matches(registrationAccessToken, expected);
        if (found.isEmpty() || found.get().auth().registrationTokenHash().isEmpty() || !matches) {
            throw invalidToken();
        }
        return found.get();
    }

    private static dev.connect.oauth.domain.OAuthException invalidToken() {
        return ErrorCode.INVALID_TOKEN.exception("The registration access token is not valid for this client.");
    }
}
