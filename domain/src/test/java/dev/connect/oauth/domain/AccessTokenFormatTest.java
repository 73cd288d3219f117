package dev.connect.oauth.domain;

import static dev.connect.oauth.domain.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class AccessTokenFormatTest {
    @ParameterizedTest
    @EnumSource(AccessTokenFormat.class)
    void parseWhenWireNameThenThatValue(AccessTokenFormat format) {
        assertThat(AccessTokenFormat.parse(format.wireName())).isEqualTo(format);
    }

    @Test
    void wireNamesThenJwtAndReference() {
        assertThat(AccessTokenFormat.JWT.wireName()).isEqualTo("jwt");
        assertThat(AccessTokenFormat.REFERENCE.wireName()).isEqualTo("reference");
    }

    @Test
    void defaultThenJwt() {
        assertThat(AccessTokenFormat.DEFAULT).isEqualTo(AccessTokenFormat.JWT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "JWT", "Reference", "opaque", "jwt ", " reference", "at+jwt"})
    void parseWhenOtherSpellingThenInvalidClientMetadata(String value) {
        assertRejected(() -> AccessTokenFormat.parse(value), ErrorCode.INVALID_CLIENT_METADATA);
    }

    @Test
    void parseWhenNullThenNullPointerException() {
        assertThatNullPointerException().isThrownBy(() -> AccessTokenFormat.parse(null)).withMessage("value");
    }
}
