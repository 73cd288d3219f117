package dev.connect.oauth.application.port.in;

import java.util.Objects;

/** An introspection request (RFC 7662 §2.1): {@code token} and optional {@code token_type_hint}. */
public record IntrospectTokenCommand(ClientCredentials client, String token, String tokenTypeHint) {
    public IntrospectTokenCommand {
        Objects.requireNonNull(client, "client");
    }

    @Override
    public String toString() {
        return "IntrospectTokenCommand[client=" + client + ", tokenTypeHint=" + tokenTypeHint + "]";
    }
}
