package dev.connect.oauth.domain;

import static dev.connect.oauth.domain.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ApiKeyTest {
    private static final String BODY = "Abcdefghijklmnopqrstuvwxyz0123456789_-ABCDE";
    private static final String KEY = "ck_" + BODY;

    @Test
    void parseWhenIssuedFormatThenAccepted() {
        assertThat(BODY).hasSize(43);
        assertThat(ApiKey.parse(KEY).value()).isEqualTo(KEY);
    }

    @ParameterizedTest
    @NullAndEmptySource
    void parseWhenAbsentThenApiKeyRequired2032(String value) {
        assertRejected(() -> ApiKey.parse(value), ErrorCode.API_KEY_REQUIRED);
        assertThat(ErrorCode.API_KEY_REQUIRED.code()).isEqualTo(2032);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        BODY, "ck" + BODY, "CK_" + BODY, "pk_" + BODY, "ck-" + BODY,
        KEY + "F", "ck_" + "Abcdefghijklmnopqrstuvwxyz0123456789_-ABCD",
        "ck_Abcdefghijklmnopqrstuvwxyz0123456789_+ABCDE", "ck_Abcdefghijklmnopqrstuvwxyz0123456789_/ABCDE",
        "ck_Abcdefghijklmnopqrstuvwxyz0123456789_=ABCDE", " " + KEY, KEY + " ", "Bearer " + KEY, "ck_", " "
    })
    void parseWhenNotTheIssuedFormatThenMalformedApiKey2038(String value) {
        assertRejected(() -> ApiKey.parse(value), ErrorCode.MALFORMED_API_KEY);
        assertThat(ErrorCode.MALFORMED_API_KEY.code()).isEqualTo(2038);
    }

    @Test
    void toStringThenNeverShowsTheKey() {
        ApiKey key = ApiKey.parse(KEY);

        assertThat(key.toString()).doesNotContain(BODY).doesNotContain(BODY.substring(0, 8));
        assertThat("header: " + key).doesNotContain(BODY);
    }
}
