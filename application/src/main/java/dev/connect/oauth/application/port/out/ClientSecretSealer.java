package dev.connect.oauth.application.port.out;

import dev.connect.oauth.domain.ClientId;
import dev.connect.oauth.domain.SealedSecret;
import java.util.Optional;

/**
 * Keeps the secrets of {@code client_secret_jwt} clients encrypted at rest: their HMAC assertions
 * need the secret itself (RFC 7523 §2.2), not the hash other secret clients are kept as. A sealed
 * secret is bound to its client, so one copied into another client's row does not open.
 * Thread-safe.
 */
public interface ClientSecretSealer {
    SealedSecret seal(ClientId client, String secret);

    /** The secret {@code sealed} holds; empty when this server's keys do not open it for {@code client}. */
    Optional<String> open(ClientId client, SealedSecret sealed);
}
