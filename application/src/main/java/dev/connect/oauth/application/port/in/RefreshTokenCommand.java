package dev.connect.oauth.application.port.in;

import java.util.Objects;
import java.util.Optional;

/**
 * {@code grant_type=refresh_token}: the token and an optional narrower {@code scope}. A missing
 * token is the use case's {@code invalid_request}, answered only after the client authenticated.
 */
public record RefreshTokenCommand(ClientCredentials client, Optional<String> refreshToken, Optional<String> scope) {
    public RefreshTokenCommand {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(refreshToken, "refreshToken");
        Objects.requireNonNull(scope, "scope");
    }

    @Override
    public String toString() {
        return "RefreshTokenCommand[client=" + client + ", scope=" + scope + "]";
    }
}
