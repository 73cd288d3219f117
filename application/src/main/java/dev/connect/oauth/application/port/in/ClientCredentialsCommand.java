package dev.connect.oauth.application.port.in;

import java.util.Objects;
import java.util.Optional;

/** {@code grant_type=client_credentials} with an optional {@code scope} (absent: every scope the client may ask for). */
public record ClientCredentialsCommand(ClientCredentials client, Optional<String> scope) {
    public ClientCredentialsCommand {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(scope, "scope");
    }
}
