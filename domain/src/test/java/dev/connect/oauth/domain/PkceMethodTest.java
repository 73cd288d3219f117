package dev.connect.oauth.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class PkceMethodTest {
    @ParameterizedTest
    @EnumSource(PkceMethod.class)
    void parseWhenWireNameThenThatValue(PkceMethod registered) {
        assertThat(PkceMethod.parse(registered.wireName())).contains(registered);
    }

    @Test
    void parseWhenRegisteredSpellingThenAccepted() {
        assertThat(PkceMethod.parse("S256")).contains(PkceMethod.S256);
        assertThat(PkceMethod.parse("plain")).contains(PkceMethod.PLAIN);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "s256", "SHA256", "S512", "Plain", "PLAIN", "S256 "})
    void parseWhenOtherSpellingThenEmpty(String value) {
        assertThat(PkceMethod.parse(value)).isEmpty();
    }

    @Test
    void parseWhenNullThenNullPointerException() {
        assertThatNullPointerException().isThrownBy(() -> PkceMethod.parse(null)).withMessage("value");
    }
}
