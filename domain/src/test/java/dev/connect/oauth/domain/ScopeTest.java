package dev.connect.oauth.domain;

import static dev.connect.oauth.domain.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScopeTest {

    @Test
    void constantsThenTheDefaultCatalogueNames() {
        assertThat(Scope.CONNECT).isEqualTo(Scope.parse("connect"));
        assertThat(Scope.TRIGGERS).hasToString("triggers");
        assertThat(Scope.ACTIONS).hasToString("actions");
        assertThat(Scope.TESTS).hasToString("tests");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "*", "a b", "a\"b", "a\\b", "é"})
    void parseWhenMalformedOrWildcardThenInvalidScope(String value) {
        assertRejected(() -> Scope.parse(value), ErrorCode.INVALID_SCOPE);
    }

    @Test
    void compareToThenByValue() {
        assertThat(Scope.ACTIONS).isLessThan(Scope.CONNECT);
    }

    @Test
    void parseWhenNullThenNamesTheField() {
        assertThatNullPointerException().isThrownBy(() -> Scope.parse(null)).withMessage("value");
    }
}
