package dev.connect.oauth.application.service;

import dev.connect.oauth.application.port.in.PendingDeviceAuthorization;
import dev.connect.oauth.application.port.in.UserCodeAttempt;
import dev.connect.oauth.application.port.out.ClientRepository;
import dev.connect.oauth.application.port.out.DeviceAuthorizationStore;
import dev.connect.oauth.application.port.out.SecretHasher;
import dev.connect.oauth.domain.Client;
import dev.connect.oauth.domain.DeviceAuthorization;
import dev.connect.oauth.domain.ErrorCode;
import dev.connect.oauth.domain.UserCode;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds the decidable request of a typed user code, behind the wrong-code limits: a code that is no
 * code, or no request's (or a deleted client's), counts as a wrong guess and is {@code not_found};
 * an expired or decided request is not a guess and says so.
 */
final class UserCodeLookup {
    private final DeviceAuthorizationStore requests;
    private final ClientRepository clients;
    private final SecretHasher hasher;
    private final UserCodeThrottle throttle;

    UserCodeLookup(DeviceAuthorizationStore requests, ClientRepository clients, SecretHasher hasher,
                   UserCodeThrottle throttle) {
        this.requests = Objects.requireNonNull(requests, "requests");
        this.clients = Objects.requireNonNull(clients, "clients");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.throttle = Objects.requireNonNull(throttle, "throttle");
    }

    /** The request of the typed code with its client, still decidable at {@code now}. */
    Found find(UserCodeAttempt attempt, Instant now) {
        throttle.check(attempt, now);
        Optional<UserCode> code = UserCode.parse(attempt.typed());
        Optional<DeviceAuthorization> request = code.flatMap(c -> requests.findByUserCode(UserCodes.hash(hasher, c)));
        Optional<Client> client = request.flatMap(r -> clients.findById(r.clientId()));
        if (client.isEmpty()) {
            throttle.failed(attempt, now);
            throw ErrorCode.NOT_FOUND.exception("Unknown user code.");
        }
        DeviceAuthorization found = request.get();
        if (found.isExpired(now)) {
            throw ErrorCode.EXPIRED_TOKEN.exception("The user code has expired: start again on the device.");
        }
        if (!found.isDecidable(now)) {
            throw ErrorCode.INVALID_GRANT.exception("The user code was already used.");
        }
        return new Found(found, new PendingDeviceAuthorization(code.get(), client.get().id(), client.get().name(),
                found.scopes()));
    }

    /** A decidable request and how the person sees it. */
    record Found(DeviceAuthorization request, PendingDeviceAuthorization pending) {
    }
}
