package dev.connect.oauth.application.port.out;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A token signing key as stored: its key id, JOSE algorithm, the private key as the crypto adapter
 * sealed it (opaque text to the store, which is the one place every node reads it from), when it
 * was made and when rotation retired it. A retired key no longer signs but stays published until
 * its tokens have expired.
 */
public record SigningKey(String kid, String algorithm, String sealedPrivateKey, Instant createdAt,
                         Optional<Instant> retiredAt) {
    public SigningKey {
        Objects.requireNonNull(kid, "kid");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(sealedPrivateKey, "sealedPrivateKey");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(retiredAt, "retiredAt");
    }

    @Override
    public String toString() {
        return "SigningKey[kid=" + kid + ", algorithm=" + algorithm + ", createdAt=" + createdAt
                + ", retiredAt=" + retiredAt + "]";
    }
}
