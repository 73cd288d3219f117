package dev.connect.oauth.testkit.fake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connect.oauth.domain.SecretHash;
import org.junit.jupiter.api.Test;

class FakeSecretHasherTest {
    private final FakeSecretHasher hasher = new FakeSecretHasher();

    @Test
    void hashThenSha256InLowerCaseHex() {
        // FIPS 180-2 test vector for "abc".
        assertThat(hasher.hash("abc")).isEqualTo(
                new SecretHash("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
    }

    @Test
    void matchesWhenSameSecretThenTrue() {
        assertThat(hasher.matches("s3cret", hasher.hash("s3cret"))).isTrue();
    }

    @Test
    void matchesWhenOtherOrAbsentSecretThenFalse() {
        SecretHash hash = hasher.hash("s3cret");

        assertThat(hasher.matches("s3cret ", hash)).isFalse();
        assertThat(hasher.matches(null, hash)).isFalse();
    }
}
