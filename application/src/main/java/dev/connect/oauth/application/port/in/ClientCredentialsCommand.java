package dev.connect.oauth.application.port.in;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code grant_type=client_credentials} with an optional {@code scope} (absent: every scope the
 * client may ask for), a DPoP proof, which binds the token to its key (RFC 9449 §5), and the
 * {@code resource} parameters (RFC 8707 §2), each one the client registered.
 */
public record ClientCredentialsCommand(ClientCredentials client, Optional<String> scope, Optional<DpopRequest> dpop,
                                       List<String> resources) {
    public ClientCredentialsCommand {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(dpop, "dpop");
        resources = List.copyOf(Objects.requireNonNull(resources, "resources"));
    }

    /** A request without a DPoP proof nor {@code resource}. */
    public ClientCredentialsCommand(ClientCredentials client, Optional<String> scope) {
        this(client, scope, Optional.empty(), List.of());
    }
}
