package dev.connect.oauth.adapter.crypto;

import dev.connect.oauth.application.port.out.SecretHasher;
import dev.connect.oauth.domain.SecretHash;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * SHA-256 of high-entropy secrets as lower-case hex. A slow hash would add nothing: 256 random
 * bits cannot be guessed, and every token request hashes at least one secret.
 */
final class Sha256SecretHasher implements SecretHasher {
    private static final HexFormat HEX = HexFormat.of();
    /** Cloned per call: cheaper than {@link MessageDigest#getInstance}'s provider lookup on every token check. */
    private static final MessageDigest SHA_256 = newSha256();

    @Override
    public SecretHash hash(String secret) {
        Objects.requireNonNull(secret, "secret");
        return new SecretHash(HEX.formatHex(sha256().digest(secret.getBytes(StandardCharsets.UTF_8))));
    }

    @Override
    public boolean matches(String secret, SecretHash expected) {
        Objects.requireNonNull(expected, "expected");
        if (secret == null) {
            // A secret the request left out matches nothing, like the in-memory fake.
            return false;
        }
        byte[] actual = hash(secret).hex().getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(actual, expected.hex().getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * A fresh digest per call: {@link MessageDigest} is stateful, and callers run on many threads
     * (virtual threads too, so a thread-local one would be made per request all the same).
     */
    private static MessageDigest sha256() {
        try {
            return (MessageDigest) SHA_256.clone();
        } catch (CloneNotSupportedException e) {
            return newSha256();
        }
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform provides SHA-256", e);
        }
    }
}
