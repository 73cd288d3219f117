package dev.connect.oauth.adapter.crypto;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

/**
 * The key of pairwise subject identifiers: at least 256 bits, written as base64. The operator may
 * set it ({@code CONNECT_PAIRWISE_SECRET}); otherwise the server makes one and keeps it sealed in
 * the store. {@link #toString()} never shows it. Changing it changes every pairwise {@code sub}.
 */
public final class PairwiseSecret {
    static final int MIN_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] key;

    private PairwiseSecret(byte[] key) {
        this.key = key.clone();
    }

    /**
     * Reads base64 (standard or URL alphabet, padding optional) of at least 32 bytes.
     *
     * @throws IllegalArgumentException when it is not; the message never quotes the value
     */
    public static PairwiseSecret parse(String base64) {
        Objects.requireNonNull(base64, "base64");
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(base64.strip().replace('-', '+').replace('_', '/'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("must be base64 of at least " + MIN_BYTES + " random bytes");
        }
        if (decoded.length < MIN_BYTES) {
            throw new IllegalArgumentException("must be base64 of at least " + MIN_BYTES + " random bytes, not "
                    + decoded.length);
        }
        return new PairwiseSecret(decoded);
    }

    static PairwiseSecret generate() {
        byte[] key = new byte[MIN_BYTES];
        RANDOM.nextBytes(key);
        return new PairwiseSecret(key);
    }

    byte[] bytes() {
        return key.clone();
    }

    /** The stored form, before sealing. */
    String base64() {
        return Base64.getEncoder().encodeToString(key);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PairwiseSecret that && MessageDigest.isEqual(key, that.key);
    }

    @Override
    public int hashCode() {
        return key.length;
    }

    @Override
    public String toString() {
        return "PairwiseSecret[redacted]";
    }
}
