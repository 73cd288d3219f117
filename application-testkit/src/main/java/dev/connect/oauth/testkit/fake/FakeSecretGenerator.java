package dev.connect.oauth.testkit.fake;

import dev.connect.oauth.application.port.out.SecretGenerator;
import java.security.SecureRandom;
import java.util.Base64;

/** {@link SecretGenerator} on {@link SecureRandom}, unpadded base64url as the port states. */
public final class FakeSecretGenerator implements SecretGenerator {
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private final SecureRandom random = new SecureRandom();

    @Override
    public String secret() {
        return randomBase64Url(32);
    }

    @Override
    public String identifier() {
        return randomBase64Url(16);
    }

    private String randomBase64Url(int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return BASE64URL.encodeToString(value);
    }
}
