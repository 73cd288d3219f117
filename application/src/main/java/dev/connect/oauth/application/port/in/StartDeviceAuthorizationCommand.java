package dev.connect.oauth.application.port.in;

import java.util.Objects;
import java.util.Optional;

/**
 * A device authorization request: the client's credentials and its {@code scope} as received
 * (absent: every scope the client is registered with, as for the other grants).
 */
public record StartDeviceAuthorizationCommand(ClientCredentials client, Optional<String> scope) {
    public StartDeviceAuthorizationCommand {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(scope, "scope");
    }
}
