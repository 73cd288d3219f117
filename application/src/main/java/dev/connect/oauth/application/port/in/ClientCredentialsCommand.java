package dev.connect.oauth.application.port.in;

import java.util.Objects;

/** {@code grant_type=client_credentials} with an optional {@code scope} ({@code null} = absent). */
public record ClientCredentialsCommand(ClientCredentials client, String scope) {
    public ClientCredentialsCommand {
        Objects.requireNonNull(client, "client");
    }
}
