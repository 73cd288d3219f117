package dev.connect.oauth.adapter.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connect.oauth.application.port.out.SecretGenerator;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class SecureRandomSecretGeneratorTest {
    private static final String BASE64URL_UNPADDED = "[A-Za-z0-9_-]+";
    private static final int SAMPLES = 2_000;

    private final SecretGenerator generator = CryptoAdapter.secretGenerator();

    @Test
    void secretWhenGeneratedThenIs256BitsAs43Base64urlCharacters() {
        String secret = generator.secret();

        assertThat(secret).hasSize(43).matches(BASE64URL_UNPADDED);
        assertThat(Base64.getUrlDecoder().decode(secret)).hasSize(32);
    }

    @Test
    void identifierWhenGeneratedThenIs128BitsAs22Base64urlCharacters() {
        String identifier = generator.identifier();

        assertThat(identifier).hasSize(22).matches(BASE64URL_UNPADDED);
        assertThat(Base64.getUrlDecoder().decode(identifier)).hasSize(16);
    }

    @Test
    void secretWhenGeneratedManyTimesThenNeverRepeats() {
        assertThat(distinct(generator::secret)).hasSize(SAMPLES);
    }

    @Test
    void identifierWhenGeneratedManyTimesThenNeverRepeats() {
        assertThat(distinct(generator::identifier)).hasSize(SAMPLES);
    }

    @Test
    void secretWhenGeneratedManyTimesThenUsesTheWholeAlphabet() {
        // 2,000 × 43 characters from 64 symbols: a generator stuck on part of the alphabet shows here.
        Set<Character> seen = new HashSet<>();
        for (String secret : distinct(generator::secret)) {
            secret.chars().forEach(c -> seen.add((char) c));
        }

        assertThat(seen).hasSize(64);
    }

    private static Set<String> distinct(Supplier<String> values) {
        Set<String> distinct = new HashSet<>();
        for (int i = 0; i < SAMPLES; i++) {
            distinct.add(values.get());
        }
        return distinct;
    }
}
