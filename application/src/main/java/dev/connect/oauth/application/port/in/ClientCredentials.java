package dev.connect.oauth.application.port.in;

import java.util.Objects;
import java.util.Optional;

/**
 * What a client presented to authenticate at the token, revocation or introspection endpoint:
 * its id and, for a confidential client, its secret (RFC 6749 §2.3.1). Where they came from
 * (Basic header or body) is the HTTP adapter's business. {@link #toString()} hides the secret.
 */
public record ClientCredentials(String clientId, Optional<String> secret) {
    public ClientCredentials {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(secret, "secret");
    }

    @Override
    public String toString() {
        return "ClientCredentials[clientId=" + clientId + ", secret=" + (secret.isPresent() ? "redacted" : "none") + "]";
    }
}
