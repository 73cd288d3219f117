package dev.connect.oauth.testkit.testdata;

import dev.connect.oauth.domain.SecretHash;
import dev.connect.oauth.testkit.fake.FakeSecretGenerator;
import dev.connect.oauth.testkit.fake.FakeSecretHasher;

/**
 * Fresh random identifiers and secrets, so that tests sharing one store (a database reused by a
 * contract run) never collide.
 */
public final class TestIds {
    private static final FakeSecretGenerator GENERATOR = new FakeSecretGenerator();
    private static final FakeSecretHasher HASHER = new FakeSecretHasher();

    private TestIds() {
    }

    /** A fresh identifier: 22 base64url characters. */
    public static String identifier() {
        return GENERATOR.identifier();
    }

    /** A fresh secret: 43 base64url characters. */
    public static String secret() {
        return GENERATOR.secret();
    }

    /** The SHA-256 of {@code secret}, as the fake and the real hasher compute it. */
    public static SecretHash hashOf(String secret) {
        return HASHER.hash(secret);
    }
}
