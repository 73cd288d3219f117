package dev.connect.oauth.testkit.fake;

import dev.connect.oauth.application.port.out.SecretHasher;
import dev.connect.oauth.domain.SecretHash;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/** {@link SecretHasher} as SHA-256 in lower-case hex, compared with {@link MessageDigest#isEqual}. */
public final class FakeSecretHasher implements SecretHasher {
    @Override
    public SecretHash hash(String secret) {
        Objects.requireNonNull(secret, "secret");
        return new SecretHash(HexFormat.of().formatHex(sha256(secret.getBytes(StandardCharsets.UTF_8))));
    }

    @Override
    public boolean matches(String secret, SecretHash expected) {
        Objects.requireNonNull(expected, "expected");
        if (secret == null) {
            return false;
        }
        return MessageDigest.isEqual(hash(secret).hex().getBytes(StandardCharsets.US_ASCII),
                expected.hex().getBytes(StandardCharsets.US_ASCII));
    }

    static byte[] sha256(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
