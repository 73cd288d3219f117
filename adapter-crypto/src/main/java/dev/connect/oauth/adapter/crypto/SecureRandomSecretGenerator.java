package dev.connect.oauth.adapter.crypto;

import dev.connect.oauth.application.port.out.SecretGenerator;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Secrets and identifiers from the platform's {@link SecureRandom}, base64url without padding so
 * they travel in URLs, headers and form fields unescaped (RFC 4648 §5).
 */
final class SecureRandomSecretGenerator implements SecretGenerator {
    private static final int SECRET_BYTES = 32;
    private static final int IDENTIFIER_BYTES = 16;
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    // SecureRandom is thread-safe; one seeded instance serves every caller.
    private final SecureRandom random = new SecureRandom();

    @Override
    public String secret() {
        return randomText(SECRET_BYTES);
    }

    @Override
    public String identifier() {
        return randomText(IDENTIFIER_BYTES);
    }

    private String randomText(int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return BASE64URL.encodeToString(value);
    }
}
