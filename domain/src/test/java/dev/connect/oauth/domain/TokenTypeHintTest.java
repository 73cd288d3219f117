package dev.connect.oauth.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class TokenTypeHintTest {
    @ParameterizedTest
    @EnumSource(TokenTypeHint.class)
    void parseWhenWireNameThenThatValue(TokenTypeHint registered) {
        assertThat(TokenTypeHint.parse(registered.wireName())).contains(registered);
    }

    @Test
    void parseWhenRegisteredSpellingThenAccepted() {
        assertThat(TokenTypeHint.parse("access_token")).contains(TokenTypeHint.ACCESS_TOKEN);
        assertThat(TokenTypeHint.parse("refresh_token")).contains(TokenTypeHint.REFRESH_TOKEN);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "id_token", "Access_Token", "REFRESH_TOKEN", "refresh-token", "access_token "})
    void parseWhenOtherSpellingThenEmpty(String value) {
        assertThat(TokenTypeHint.parse(value)).isEmpty();
    }

    @Test
    void parseWhenNullThenNullPointerException() {
        assertThatNullPointerException().isThrownBy(() -> TokenTypeHint.parse(null)).withMessage("value");
    }
}
