package dev.connect.oauth.application.port.in;

import java.util.Objects;

/** {@code grant_type=refresh_token}: the token and an optional narrower {@code scope} ({@code null} = absent). */
public record RefreshTokenCommand(ClientCredentials client, String refreshToken, String scope) {
    public RefreshTokenCommand {
        Objects.requireNonNull(client, "client");
    }

    @Override
    public String toString() {
        return "RefreshTokenCommand[client=" + client + ", scope=" + scope + "]";
    }
}
