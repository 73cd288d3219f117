package dev.connect.oauth.domain;

import java.util.Objects;

/**
 * An account password as its slow, salted hash in a self-describing encoding (for example the
 * PHC string of Argon2id). Its text is never shown.
 */
public record PasswordHash(String encoded) {
    public PasswordHash {
        Objects.requireNonNull(encoded, "encoded");
        if (encoded.isBlank()) {
            throw new IllegalArgumentException("A password hash is not blank");
        }
    }

    @Override
    public String toString() {
        return "PasswordHash[redacted]";
    }
}
