package dev.connect.oauth.application.port.in;

import dev.connect.oauth.domain.Client;
import java.util.Objects;
import java.util.Optional;

/**
 * A client just registered, updated or re-keyed, with its new secret (confidential clients with a
 * secret; shown once) and, when registered dynamically, its registration access token (RFC 7592 §3;
 * shown once).
 */
public record RegisteredClient(Client client, Optional<String> secret, Optional<String> registrationAccessToken) {
    public RegisteredClient {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(registrationAccessToken, "registrationAccessToken");
    }

    /** Registered through the v1 API: no registration access token. */
    public RegisteredClient(Client client, Optional<String> secret) {
        this(client, secret, Optional.empty());
    }

    @Override
    public String toString() {
        return "RegisteredClient[client=" + client.id() + ", secret=" + (secret.isPresent() ? "redacted" : "none")
                + ", registrationAccessToken=" + (registrationAccessToken.isPresent() ? "redacted" : "none") + "]";
    }
}
