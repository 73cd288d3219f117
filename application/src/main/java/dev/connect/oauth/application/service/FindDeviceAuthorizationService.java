package dev.connect.oauth.application.service;

import dev.connect.oauth.application.port.in.FindDeviceAuthorizationUseCase;
import dev.connect.oauth.application.port.in.PendingDeviceAuthorization;
import dev.connect.oauth.application.port.in.UserCodeAttempt;
import dev.connect.oauth.application.port.out.AttemptCounterStore;
import dev.connect.oauth.application.port.out.ClientRepository;
import dev.connect.oauth.application.port.out.DeviceAuthorizationStore;
import dev.connect.oauth.application.port.out.SecretHasher;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Objects;

/** {@link FindDeviceAuthorizationUseCase}: the lookup of a typed user code behind the wrong-code limits. */
public final class FindDeviceAuthorizationService implements FindDeviceAuthorizationUseCase {
    private final UserCodeLookup lookup;
    private final Clock clock;

    @Inject
    public FindDeviceAuthorizationService(DeviceAuthorizationStore requests, ClientRepository clients,
                                          AttemptCounterStore counters, SecretHasher hasher, Clock clock) {
        this.lookup = new UserCodeLookup(requests, clients, hasher, new UserCodeThrottle(counters, hasher));
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public PendingDeviceAuthorization find(UserCodeAttempt attempt) {
        return lookup.find(attempt, clock.instant()).pending();
    }
}
