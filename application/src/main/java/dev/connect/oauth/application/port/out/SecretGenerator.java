package dev.connect.oauth.application.port.out;

/** Randomness from a cryptographically strong source. Thread-safe. */
public interface SecretGenerator {
    /** 256 random bits as 43 base64url characters: for secrets, keys, codes and tokens. */
    String secret();

    /** 128 random bits as 22 base64url characters: for identifiers that need not be secret. */
    String identifier();
}
