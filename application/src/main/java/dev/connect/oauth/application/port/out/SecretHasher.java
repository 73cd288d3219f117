package dev.connect.oauth.application.port.out;

import dev.connect.oauth.domain.SecretHash;

/**
 * Hashes high-entropy secrets (client secrets, API keys, codes, tokens) for storage and lookup.
 * A fast hash suffices: these are 128+ random bits, so there is nothing to brute-force.
 */
public interface SecretHasher {
    SecretHash hash(String secret);

    /** Whether {@code secret} hashes to {@code expected}, compared in constant time. */
    boolean matches(String secret, SecretHash expected);
}
