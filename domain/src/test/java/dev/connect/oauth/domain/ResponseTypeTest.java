package dev.connect.oauth.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class ResponseTypeTest {
    @ParameterizedTest
    @EnumSource(ResponseType.class)
    void parseWhenWireNameThenThatValue(ResponseType registered) {
        assertThat(ResponseType.parse(registered.wireName())).contains(registered);
    }

    @Test
    void parseWhenRegisteredSpellingThenAccepted() {
        assertThat(ResponseType.parse("code")).contains(ResponseType.CODE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "token", "Code", "CODE", "code token", "id_token", " code"})
    void parseWhenOtherSpellingThenEmpty(String value) {
        assertThat(ResponseType.parse(value)).isEmpty();
    }

    @Test
    void parseWhenNullThenNullPointerException() {
        assertThatNullPointerException().isThrownBy(() -> ResponseType.parse(null)).withMessage("value");
    }
}
