package dev.connect.oauth.application.port.in;

import dev.connect.oauth.domain.Client;
import java.util.Objects;
import java.util.Optional;

/** A client just registered or re-keyed, with its new secret (confidential clients; shown once). */
public record RegisteredClient(Client client, Optional<String> secret) {
    public RegisteredClient {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(secret, "secret");
    }

    @Override
    public String toString() {
        return "RegisteredClient[client=" + client.id() + ", secret=" + (secret.isPresent() ? "redacted" : "none") + "]";
    }
}
