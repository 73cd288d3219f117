package dev.connect.oauth.domain;

import static dev.connect.oauth.domain.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class IdentifiersTest {

    static Stream<Arguments> identifierTypes() {
        return Stream.of(
                Arguments.of("client_id", (Function<String, Object>) ClientId::parse),
                Arguments.of("account id", (Function<String, Object>) AccountId::parse),
                Arguments.of("grant id", (Function<String, Object>) GrantId::parse),
                Arguments.of("token id", (Function<String, Object>) TokenId::parse),
                Arguments.of("API key id", (Function<String, Object>) ApiKeyId::parse));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "Zx9-_.~", "uVq3sGQ2t1b8gYk0fZ1mEw", "0123456789abcdef0123456789abcdef"})
    void requireWhenUrlSafeThenReturnsTheValue(String value) {
        assertThat(Identifiers.require(value, "id")).isEqualTo(value);
    }

    @Test
    void requireWhen128CharactersThenAcceptedAnd129Refused() {
        assertThat(Identifiers.require("i".repeat(128), "id")).hasSize(128);
        assertRejected(() -> Identifiers.require("i".repeat(129), "id"), ErrorCode.INVALID_REQUEST);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "a b", "a/b", "a+b", "a=b", "a%20b", "é", "a\n", "<script>"})
    void requireWhenNotUrlSafeThenInvalidRequest(String value) {
        assertRejected(() -> Identifiers.require(value, "id"), ErrorCode.INVALID_REQUEST);
    }

    @ParameterizedTest
    @MethodSource("identifierTypes")
    void parseWhenMalformedThenInvalidRequestNamingTheIdentifier(String name, Function<String, Object> parse) {
        assertThatThrownBy(() -> parse.apply("not valid")).isInstanceOfSatisfying(OAuthException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_REQUEST);
            assertThat(e.description()).isEqualTo("Malformed " + name + ".");
        });
    }

    @ParameterizedTest
    @MethodSource("identifierTypes")
    void parseWhenNullThenNullPointerNamingTheIdentifier(String name, Function<String, Object> parse) {
        assertThatNullPointerException().isThrownBy(() -> parse.apply(null)).withMessage(name);
    }

    @ParameterizedTest
    @MethodSource("identifierTypes")
    void toStringThenTheBareValue(String name, Function<String, Object> parse) {
        assertThat(parse.apply("abc-123")).hasToString("abc-123").isEqualTo(parse.apply("abc-123"));
    }
}
