package dev.connect.oauth.application.port.in;

import java.util.Objects;

/** A revocation request (RFC 7009 §2.1): {@code token} and optional {@code token_type_hint}. */
public record RevokeTokenCommand(ClientCredentials client, String token, String tokenTypeHint) {
    public RevokeTokenCommand {
        Objects.requireNonNull(client, "client");
    }

    @Override
    public String toString() {
        return "RevokeTokenCommand[client=" + client + ", tokenTypeHint=" + tokenTypeHint + "]";
    }
}
