package dev.connect.oauth.domain;

import java.util.Objects;

/**
 * A client secret kept encrypted, for the one method that needs the secret itself rather than its
 * hash: {@code client_secret_jwt}, whose HMAC assertions only the plain secret verifies (RFC 7523
 * §2.2, OpenID Connect Core §9). Opaque here: sealing and opening are the
 * {@code ClientSecretSealer}'s. Never printed.
 *
 * @param value the sealed form as stored
 */
public record SealedSecret(String value) {
    public SealedSecret {
        Objects.requireNonNull(value, "value");
        if (value.isEmpty()) {
            throw new IllegalArgumentException("A sealed secret is never empty");
        }
    }

    @Override
    public String toString() {
        return "SealedSecret[redacted]";
    }
}
