package dev.connect.oauth.adapter.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import dev.connect.oauth.application.port.out.SecretHasher;
import dev.connect.oauth.domain.SecretHash;
import dev.connect.oauth.testkit.testdata.TestIds;
import org.junit.jupiter.api.Test;

class Sha256SecretHasherTest {
    private final SecretHasher hasher = CryptoAdapter.secretHasher();

    @Test
    void hashWhenKnownInputThenIsTheSha256InLowerCaseHex() {
        // FIPS 180-2 appendix B.1 test vector.
        assertThat(hasher.hash("abc").hex())
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void hashWhenNonAsciiSecretThenHashesItsUtf8Bytes() {
        // SHA-256 of the UTF-8 bytes c3 a9 of "é".
        assertThat(hasher.hash("\u00e9").hex())
                .isEqualTo("4a99557e4033c3539de2eb65472017cad5f9557f7a0625a09f1c3f6e2ba69c4c");
    }

    @Test
    void hashWhenSameSecretAsTheTestDataThenAgrees() {
        String secret = TestIds.secret();

        assertThat(hasher.hash(secret)).isEqualTo(TestIds.hashOf(secret));
    }

    @Test
    void matchesWhenSameSecretThenTrue() {
        String secret = TestIds.secret();

        assertThat(hasher.matches(secret, hasher.hash(secret))).isTrue();
    }

    @Test
    void matchesWhenOtherSecretThenFalse() {
        SecretHash hash = hasher.hash(TestIds.secret());

        assertThat(hasher.matches(TestIds.secret(), hash)).isFalse();
    }

    @Test
    void matchesWhenSecretMissingThenFalse() {
        assertThat(hasher.matches(null, hasher.hash("abc"))).isFalse();
    }

    @Test
    void whenArgumentsNullThenThrows() {
        assertThatNullPointerException().isThrownBy(() -> hasher.hash(null)).withMessage("secret");
        assertThatNullPointerException().isThrownBy(() -> hasher.matches("abc", null)).withMessage("expected");
    }
}
