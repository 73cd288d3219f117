package dev.connect.oauth.application.port.in;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code grant_type=refresh_token}: the token and an optional narrower {@code scope}. A missing
 * token is the use case's {@code invalid_request}, answered only after the client authenticated.
 * {@code resources} (RFC 8707 §2) may narrow the new access token to some of the resources bound
 * to the refresh token; empty when none was sent.
 *
 * @param dpop the request's DPoP proof, which binds the new access token to its key, and must be
 *             of the refresh token's key when that is bound (RFC 9449 §5)
 */
public record RefreshTokenCommand(ClientCredentials client, Optional<String> refreshToken, Optional<String> scope,
                                  Optional<DpopRequest> dpop, List<String> resources) {
    public RefreshTokenCommand {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(refreshToken, "refreshToken");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(dpop, "dpop");
        resources = List.copyOf(Objects.requireNonNull(resources, "resources"));
    }

    /** A refresh without a DPoP proof nor {@code resource}. */
    public RefreshTokenCommand(ClientCredentials client, Optional<String> refreshToken, Optional<String> scope) {
        this(client, refreshToken, scope, Optional.empty(), List.of());
    }

    @Override
    public String toString() {
        return "RefreshTokenCommand[client=" + client + ", scope=" + scope + ", dpop=" + dpop + ", resources=" + resources + "]";
    }
}
