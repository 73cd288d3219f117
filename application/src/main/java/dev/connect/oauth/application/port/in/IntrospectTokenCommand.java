package dev.connect.oauth.application.port.in;

import dev.connect.oauth.domain.TokenTypeHint;
import java.util.Objects;
import java.util.Optional;

/**
 * An introspection request (RFC 7662 §2.1): {@code token} and optional {@code token_type_hint} (an unknown
 * hint is absent: it is ignored). A missing token is the use case's {@code invalid_request},
 * answered only after the client authenticated.
 */
public record IntrospectTokenCommand(ClientCredentials client, Optional<String> token, Optional<TokenTypeHint> tokenTypeHint) {
    public IntrospectTokenCommand {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(tokenTypeHint, "tokenTypeHint");
    }

    @Override
    public String toString() {
        return "IntrospectTokenCommand[client=" + client + ", tokenTypeHint=" + tokenTypeHint + "]";
    }
}
