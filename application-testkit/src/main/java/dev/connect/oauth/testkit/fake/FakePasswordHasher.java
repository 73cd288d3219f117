package dev.connect.oauth.testkit.fake;

import dev.connect.oauth.application.port.out.PasswordHasher;
import dev.connect.oauth.domain.PasswordHash;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

/**
 * A FAKE {@link PasswordHasher} for tests: one salted SHA-256, encoded as
 * {@code fake-sha256$<salt>$<hash>} in base64url. It is fast on purpose, which is exactly what
 * makes it unfit for real passwords (the crypto adapter uses Argon2id).
 */
public final class FakePasswordHasher implements PasswordHasher {
    private static final String PREFIX = "fake-sha256$";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private final SecureRandom random = new SecureRandom();

    @Override
    public PasswordHash hash(String password) {
        Objects.requireNonNull(password, "password");
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        return new PasswordHash(PREFIX + ENCODER.encodeToString(salt) + "$"
                + ENCODER.encodeToString(digest(salt, password)));
    }

    @Override
    public boolean verify(String password, PasswordHash hash) {
        Objects.requireNonNull(hash, "hash");
        if (password == null || !hash.encoded().startsWith(PREFIX)) {
            return false;
        }
        String[] parts = hash.encoded().substring(PREFIX.length()).split("\\$");
        if (parts.length != 2) {
            return false;
        }
        return MessageDigest.isEqual(digest(DECODER.decode(parts[0]), password), DECODER.decode(parts[1]));
    }

    private static byte[] digest(byte[] salt, String password) {
        byte[] passwordBytes = password.getBytes(StandardCharsets.UTF_8);
        byte[] input = new byte[salt.length + passwordBytes.length];
        System.arraycopy(salt, 0, input, 0, salt.length);
        System.arraycopy(passwordBytes, 0, input, salt.length, passwordBytes.length);
        return FakeSecretHasher.sha256(input);
    }
}
