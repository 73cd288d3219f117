package dev.connect.oauth.application.port.in;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The decision on the request of a user code.
 *
 * @param signedInAt when the account signed in (the session's sign-in, for the ID token's
 *                   {@code auth_time}); empty when an API key authenticates this very request
 */
public record DecideDeviceAuthorizationCommand(UserCodeAttempt attempt, ConsentDecision decision,
                                               Optional<Instant> signedInAt) {
    public DecideDeviceAuthorizationCommand {
        Objects.requireNonNull(attempt, "attempt");
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(signedInAt, "signedInAt");
    }
}
