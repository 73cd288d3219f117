package dev.connect.oauth.testkit.fake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FakeSecretGeneratorTest {
    private final FakeSecretGenerator generator = new FakeSecretGenerator();

    @Test
    void secretThen43Base64UrlCharacters() {
        assertThat(generator.secret()).matches("[A-Za-z0-9_-]{43}");
    }

    @Test
    void identifierThen22Base64UrlCharacters() {
        assertThat(generator.identifier()).matches("[A-Za-z0-9_-]{22}");
    }

    @Test
    void secretWhenCalledRepeatedlyThenNeverRepeats() {
        Set<String> secrets = IntStream.range(0, 1_000).mapToObj(i -> generator.secret()).collect(Collectors.toSet());

        assertThat(secrets).hasSize(1_000);
    }
}
