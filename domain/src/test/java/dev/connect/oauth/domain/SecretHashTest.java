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
        "za7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    })
    void constructorWhenNotSha256HexThenRefused(String hex) {
        assertThatIllegalArgumentException().isThrownBy(() -> new SecretHash(hex));
    }

    @Test
    void constructorWhenNullThenNamesTheField() {
        assertThatNullPointerException().isThrownBy(() -> new SecretHash(null)).withMessage("hex");
    }
}
