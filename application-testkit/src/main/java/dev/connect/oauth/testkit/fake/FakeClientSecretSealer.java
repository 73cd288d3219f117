package dev.connect.oauth.testkit.fake;

import dev.connect.oauth.application.port.out.ClientSecretSealer;
import dev.connect.oauth.domain.ClientId;
import dev.connect.oauth.domain.SealedSecret;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * {@link ClientSecretSealer} without cryptography: the secret base64url-encoded behind its client's
 * id, so that one copied to another client does not open, as with the real sealer.
 */
public final class FakeClientSecretSealer implements ClientSecretSealer {
    private static final String PREFIX = "fake-sealed:";

    @Override
    public SealedSecret seal(ClientId client, String secret) {
        return new SealedSecret(PREFIX + client.value() + ":"
                + Base64.getUrlEncoder().withoutPadding().encodeToString(secret.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public Optional<String> open(ClientId client, SealedSecret sealed) {
        String expected = PREFIX + client.value() + ":";
        if (!sealed.value().startsWith(expected)) {
            return Optional.empty();
        }
        return Optional.of(new String(Base64.getUrlDecoder().decode(sealed.value().substring(expected.length())),
                StandardCharsets.UTF_8));
    }
}
