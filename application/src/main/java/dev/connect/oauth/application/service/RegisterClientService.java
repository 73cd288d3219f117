package dev.connect.oauth.application.service;

import dev.connect.oauth.application.OAuthPolicy;
import dev.connect.oauth.application.port.in.RegisterClientCommand;
import dev.connect.oauth.application.port.in.RegisterClientUseCase;
import dev.connect.oauth.application.port.in.RegisteredClient;
import dev.connect.oauth.application.port.out.AuditEventType;
import dev.connect.oauth.application.port.out.AuditLog;
import dev.connect.oauth.application.port.out.ClientRepository;
import dev.connect.oauth.application.port.out.SecretGenerator;
import dev.connect.oauth.application.port.out.SecretHasher;
import dev.connect.oauth.domain.Client;
import dev.connect.oauth.domain.ClientId;
import dev.connect.oauth.domain.ClientOpenIdSettings;
import dev.connect.oauth.domain.ClientType;
import dev.connect.oauth.domain.ErrorCode;
import dev.connect.oauth.domain.RedirectUri;
import dev.connect.oauth.domain.Scope;
import dev.connect.oauth.domain.ScopeSet;
import dev.connect.oauth.domain.SubjectType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code POST /api/v1/clients} (API.md §4), admin only. Redirect URIs are absolute https (or http
 * on loopback) without fragment; a public client needs at least one, a confidential client may
 * have none and then use client credentials only. Scopes come from the server's catalogue. A
 * confidential client gets a 256-bit secret, shown once and kept as its hash. Its OpenID Connect
 * settings: post-logout redirect URIs held to the rules of redirect URIs, a subject type (only
 * {@code public} for now: pairwise subjects are not built) and a default {@code max_age}. It may
 * be registered to push every authorization request first (RFC 9126 §6).
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-2">RFC 6749 §2</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-3.1.2.2">RFC 6749 §3.1.2.2</a>
 */
public final class RegisterClientService implements RegisterClientUseCase {
    private final ClientRepository clients;
    private final SecretGenerator generator;
    private final SecretHasher hasher;
    private final AuditTrail audit;
    private final Clock clock;
    private final OAuthPolicy policy;

    @Inject
    public RegisterClientService(ClientRepository clients, SecretGenerator generator, SecretHasher hasher,
                                 AuditLog auditLog, Clock clock, OAuthPolicy policy) {
        this.clients = Objects.requireNonNull(clients, "clients");
        this.generator = Objects.requireNonNull(generator, "generator");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.audit = new AuditTrail(auditLog);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    @Override
    public RegisteredClient register(RegisterClientCommand command) {
        command.caller().requireAdmin();
        String name = command.name().orElseThrow(() -> ErrorCode.INVALID_REQUEST.exception("name is required."));
        ClientType type = ClientType.parse(command.type().orElse(""));
        List<RedirectUri> redirectUris = redirectUris(command.redirectUris());
        if (type == ClientType.PUBLIC && redirectUris.isEmpty()) {
            throw ErrorCode.INVALID_REQUEST.exception("A public client needs at least one redirect_uri.");
        }
        ScopeSet scopes = scopes(command.scopes());
        ClientOpenIdSettings openId = ClientOpenIdSettings.parse(command.postLogoutRedirectUris(),
                command.subjectType(), command.defaultMaxAge());
        if (openId.subjectType() == SubjectType.PAIRWISE) {
            // Stored and read back by every adapter, but no pairwise sub is computed yet: a client
            // registered pairwise would silently get the public one, the linkability it asked to avoid.
            throw ErrorCode.INVALID_REQUEST.exception("subject_type pairwise is not supported yet; use public.");
        }
        Optional<String> secret = type == ClientType.CONFIDENTIAL ? Optional.of(generator.secret()) : Optional.empty();
        Instant now = clock.instant();
        Client client = new Client(new ClientId(generator.identifier()), name, type,
                secret.map(hasher::hash), redirectUris, scopes, now, openId,
                command.requirePushedAuthorizationRequests().orElse(false));
        clients.add(client);
        audit.record(AuditEventType.CLIENT_REGISTERED, Optional.of(command.caller().account().id()),
                Optional.of(client.id()), "type=" + type.wireName(), now);
        return new RegisteredClient(client, secret);
    }

    private static List<RedirectUri> redirectUris(Optional<List<String>> given) {
        List<String> raw = given.orElse(List.of());
        if (raw.size() > Client.MAX_REDIRECT_URIS) {
            throw ErrorCode.INVALID_REQUEST.exception("At most " + Client.MAX_REDIRECT_URIS + " redirect_uris.");
        }
        List<RedirectUri> parsed = new ArrayList<>();
        for (String uri : raw) {
            parsed.add(RedirectUri.parse(uri));
        }
        return parsed;
    }

    private ScopeSet scopes(Optional<List<String>> given) {
        List<String> raw = given.orElse(List.of());
        if (raw.isEmpty()) {
            throw ErrorCode.INVALID_SCOPE.exception("A client needs at least one scope.");
        }
        List<Scope> parsed = new ArrayList<>();
        for (String value : raw) {
            Scope scope = Scope.parse(value);
            if (!policy.scopeCatalogue().contains(scope)) {
                throw ErrorCode.INVALID_SCOPE.exception("Unknown scope: " + scope + ". Known: "
                        + policy.scopeCatalogue() + ".");
            }
            parsed.add(scope);
        }
        return ScopeSet.of(parsed);
    }
}
