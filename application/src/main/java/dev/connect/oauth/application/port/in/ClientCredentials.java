package dev.connect.oauth.application.port.in;

import dev.connect.oauth.domain.ErrorCode;
import java.util.Objects;
import java.util.Optional;

/**
 * What a client presented to authenticate at the token, revocation or introspection endpoint:
 * its id and, for a confidential client, its secret (RFC 6749 §2.3.1) or a signed JWT assertion
 * ({@code client_assertion}, RFC 7523 §2.2), never both. With an assertion, the id is the one the
 * request named, or else the assertion's claimed subject, which authentication then verifies.
 * Where they came from (Basic header or body) is the HTTP adapter's business. {@link #toString()}
 * hides the secret and the assertion.
 */
public record ClientCredentials(String clientId, Optional<String> secret, Optional<String> assertion) {
    public ClientCredentials {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(assertion, "assertion");
        if (secret.isPresent() && assertion.isPresent()) {
            throw ErrorCode.INVALID_REQUEST.exception(
                    "Use one client authentication method: a client secret or a client assertion, not both.");
        }
    }

    /** An id and, for a confidential client, its secret. */
    public ClientCredentials(String clientId, Optional<String> secret) {
        this(clientId, secret, Optional.empty());
    }

    /** A client authenticating with a JWT assertion (RFC 7523 §2.2). */
    public static ClientCredentials assertion(String clientId, String assertion) {
        return new ClientCredentials(clientId, Optional.empty(), Optional.of(assertion));
    }

    @Override
    public String toString() {
        return "ClientCredentials[clientId=" + clientId + ", secret=" + (secret.isPresent() ? "redacted" : "none")
                + ", assertion=" + (assertion.isPresent() ? "redacted" : "none") + "]";
    }
}
