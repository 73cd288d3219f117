package dev.connect.oauth.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecretHashTest {

    @Test
    void constructorWhen64LowerCaseHexDigitsThenAccepted() {
        String hex = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

        assertThat(new SecretHash(hex).hex()).isEqualTo(hex);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD",
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015a",
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad0",
        "ba7816bf8f01cfez414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    })
    void constructorWhenNotSha256HexThenRefused(String hex) {
        assertThatIllegalArgumentException().isThrownBy(() -> new SecretHash(hex));
    }

    @Test
    void constructorWhenATimeAnd56LowerCaseHexDigitsThenAccepted() {
        String key = "-PmZ0a_Zba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61";

        assertThat(new SecretHash(key).hex()).isEqualTo(key);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "-PmZ0a_Zba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff6",
        "-PmZ0a_ZBA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61",
        "-PmZ0a!Zba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61",
        "-PmZ0a_Z-a7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61"
    })
    void constructorWhenNotATimeAndAHashThenRefused(String key) {
        assertThatIllegalArgumentException().isThrownBy(() -> new SecretHash(key));
    }

    @Test
    void timedThenTheTimeAndTheFirst56HexDigits() {
        SecretHash hash = new SecretHash("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");

        assertThat(SecretHash.timed("-PmZ0a_Z", hash).hex())
                .isEqualTo("-PmZ0a_Zba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-PmZ0a_", "-PmZ0a_Z0", "-PmZ0a Z"})
    void timedWhenNotEightBase64UrlCharactersThenRefused(String time) {
        SecretHash hash = new SecretHash("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");

        assertThatIllegalArgumentException().isThrownBy(() -> SecretHash.timed(time, hash));
    }

    @Test
    void timedWhenTheHashIsTimedAlreadyThenRefused() {
        SecretHash timed = new SecretHash("-PmZ0a_Zba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61");

        assertThatIllegalArgumentException().isThrownBy(() -> SecretHash.timed("-PmZ0a_Z", timed));
    }

    @Test
    void constructorWhenNullThenNamesTheField() {
        assertThatNullPointerException().isThrownBy(() -> new SecretHash(null)).withMessage("hex");
    }
}
