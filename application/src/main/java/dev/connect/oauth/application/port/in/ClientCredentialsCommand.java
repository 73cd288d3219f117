package dev.connect.oauth.application.port.in;

import java.util.Objects;
import java.util.Optional;

/**
 * {@code grant_type=client_credentials} with an optional {@code scope} (absent: every scope the
 * client may ask for) and DPoP proof, which binds the token to its key (RFC 9449 §5).
 */
public record ClientCredentialsCommand(ClientCredentials client, Optional<String> scope, Optional<DpopRequest> dpop) {
    public ClientCredentialsCommand {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(dpop, "dpop");
    }

    /** A request without a DPoP proof. */
    public ClientCredentialsCommand(ClientCredentials client, Optional<String> scope) {
        this(client, scope, Optional.empty());
    }
}
