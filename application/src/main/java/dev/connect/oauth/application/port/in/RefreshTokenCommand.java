package dev.connect.oauth.application.port.in;

import java.util.Objects;
import java.util.Optional;

/**
 * {@code grant_type=refresh_token}: the token and an optional narrower {@code scope}. A missing
 * token is the use case's {@code invalid_request}, answered only after the client authenticated.
 *
 * @param dpop the request's DPoP proof, which binds the new access token to its key, and must be
 *             of the refresh token's key when that is bound (RFC 9449 §5)
 */
public record RefreshTokenCommand(ClientCredentials client, Optional<String> refreshToken, Optional<String> scope,
                                  Optional<DpopRequest> dpop) {
    public RefreshTokenCommand {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(refreshToken, "refreshToken");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(dpop, "dpop");
    }

    /** A refresh without a DPoP proof. */
    public RefreshTokenCommand(ClientCredentials client, Optional<String> refreshToken, Optional<String> scope) {
        this(client, refreshToken, scope, Optional.empty());
    }

    @Override
    public String toString() {
        return "RefreshTokenCommand[client=" + client + ", scope=" + scope + ", dpop=" + dpop + "]";
    }
}
