package dev.connect.oauth.application.port.out;

import dev.connect.oauth.domain.PasswordHash;

/** Slow, salted hashing of passwords people choose (Argon2id in the crypto adapter). */
public interface PasswordHasher {
    PasswordHash hash(String password);

    /** Whether {@code password} is the one hashed into {@code hash}; takes about as long either way. */
    boolean verify(String password, PasswordHash hash);
}
