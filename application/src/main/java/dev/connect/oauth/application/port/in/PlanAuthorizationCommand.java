package dev.connect.oauth.application.port.in;

import java.util.Objects;
import java.util.Optional;

/**
 * A browser's authorization request: what it asks, with the session cookie it came with.
 *
 * @param sessionToken the session cookie's value, absent when the browser sent none
 */
public record PlanAuthorizationCommand(AuthorizationRequest request, OpenIdParameters openId,
                                       Optional<String> sessionToken) {
    public PlanAuthorizationCommand {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(openId, "openId");
        Objects.requireNonNull(sessionToken, "sessionToken");
    }
}
