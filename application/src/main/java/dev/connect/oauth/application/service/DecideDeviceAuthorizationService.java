package dev.connect.oauth.application.service;

import dev.connect.oauth.application.port.in.ConsentDecision;
import dev.connect.oauth.application.port.in.DecideDeviceAuthorizationCommand;
import dev.connect.oauth.application.port.in.DecideDeviceAuthorizationUseCase;
import dev.connect.oauth.application.port.in.PendingDeviceAuthorization;
import dev.connect.oauth.application.port.out.AccountRepository;
import dev.connect.oauth.application.port.out.AttemptCounterStore;
import dev.connect.oauth.application.port.out.AuditEventType;
import dev.connect.oauth.application.port.out.AuditLog;
import dev.connect.oauth.application.port.out.ClientRepository;
import dev.connect.oauth.application.port.out.DeviceAuthorizationStore;
import dev.connect.oauth.application.port.out.SecretGenerator;
import dev.connect.oauth.application.port.out.SecretHasher;
import dev.connect.oauth.domain.AccountId;
import dev.connect.oauth.domain.Authentication;
import dev.connect.oauth.domain.ErrorCode;
import dev.connect.oauth.domain.Grant;
import dev.connect.oauth.domain.GrantId;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link DecideDeviceAuthorizationUseCase}: finds the request as {@link FindDeviceAuthorizationService}
 * does, then decides it in one conditional write. An approval is the account's consent as a new
 * grant with the authentication behind it (for the ID token's {@code auth_time}), stored in that
 * same write, so a request decided twice at once (two tabs, the page and the API) keeps the first
 * decision and the second is told the code was used.
 */
public final class DecideDeviceAuthorizationService implements DecideDeviceAuthorizationUseCase {
    private final UserCodeLookup lookup;
    private final DeviceAuthorizationStore requests;
    private final AccountRepository accounts;
    private final TimeOrderedIds grantIds;
    private final AuditTrail audit;
    private final Clock clock;

    @Inject
    public DecideDeviceAuthorizationService(DeviceAuthorizationStore requests, ClientRepository clients,
                                            AccountRepository accounts, AttemptCounterStore counters,
                                            SecretGenerator generator, SecretHasher hasher, AuditLog auditLog,
                                            Clock clock) {
        this.lookup = new UserCodeLookup(requests, clients, hasher, new UserCodeThrottle(counters, hasher));
        this.requests = Objects.requireNonNull(requests, "requests");
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.grantIds = new TimeOrderedIds(Objects.requireNonNull(generator, "generator"));
        this.audit = new AuditTrail(auditLog);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public PendingDeviceAuthorization decide(DecideDeviceAuthorizationCommand command) {
        Instant now = clock.instant();
        UserCodeLookup.Found found = lookup.find(command.attempt(), now);
        AccountId accountId = command.attempt().account();
        if (accounts.findById(accountId).isEmpty()) {
            throw ErrorCode.ACCESS_DENIED.exception("The account no longer exists.");
        }
        PendingDeviceAuthorization pending = found.pending();
        Optional<Grant> grant = switch (command.decision()) {
            case ConsentDecision.Approve approve -> Optional.of(Grant.of(new GrantId(grantIds.next(now)),
                    pending.clientId(), Optional.of(accountId), pending.scopes(), now)
                    .withAuthentication(new Authentication(command.signedInAt().orElse(now), Optional.empty())));
            case ConsentDecision.Deny deny -> Optional.empty();
        };
        if (!requests.decide(found.request().userCodeHash(), grant, now)) {
            throw ErrorCode.INVALID_GRANT.exception("The user code was already used.");
        }
        grant.ifPresent(approved -> audit.record(AuditEventType.AUTHORIZATION_GRANTED, Optional.of(accountId),
                Optional.of(approved.clientId()), "grant=" + approved.id() + " scope=" + approved.scopes() + " device",
                now));
        return pending;
    }
}
