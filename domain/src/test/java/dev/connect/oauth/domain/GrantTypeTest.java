package dev.connect.oauth.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class GrantTypeTest {
    @ParameterizedTest
    @EnumSource(GrantType.class)
    void parseWhenWireNameThenThatValue(GrantType registered) {
        assertThat(GrantType.parse(registered.wireName())).contains(registered);
    }

    @Test
    void parseWhenRegisteredSpellingThenAccepted() {
        assertThat(GrantType.parse("authorization_code")).contains(GrantType.AUTHORIZATION_CODE);
        assertThat(GrantType.parse("refresh_token")).contains(GrantType.REFRESH_TOKEN);
        assertThat(GrantType.parse("client_credentials")).contains(GrantType.CLIENT_CREDENTIALS);
        assertThat(GrantType.parse("urn:ietf:params:oauth:grant-type:device_code")).contains(GrantType.DEVICE_CODE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "password", "implicit", "Authorization_Code", "REFRESH_TOKEN", " client_credentials", "refresh_token ", "urn:ietf:params:oauth:grant-type:Device_Code", "device_code"})
    void parseWhenOtherSpellingThenEmpty(String value) {
        assertThat(GrantType.parse(value)).isEmpty();
    }

    @Test
    void parseWhenNullThenNullPointerException() {
        assertThatNullPointerException().isThrownBy(() -> GrantType.parse(null)).withMessage("value");
    }
}
