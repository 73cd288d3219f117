package dev.connect.oauth.application.port.in;

import java.util.Objects;

/**
 * {@code grant_type=authorization_code}: {@code code}, {@code redirect_uri} and
 * {@code code_verifier} as received ({@code null} = absent).
 */
public record ExchangeCodeCommand(ClientCredentials client, String code, String redirectUri, String codeVerifier) {
    public ExchangeCodeCommand {
        Objects.requireNonNull(client, "client");
    }

    @Override
    public String toString() {
        return "ExchangeCodeCommand[client=" + client + ", redirectUri=" + redirectUri + "]";
    }
}
