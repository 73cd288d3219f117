package dev.connect.oauth.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class AuditEventTypeTest {
    @ParameterizedTest
    @EnumSource(AuditEventType.class)
    void parseWhenWireNameThenThatType(AuditEventType type) {
        assertThat(AuditEventType.parse(type.wireName())).contains(type);
    }

    @Test
    void parseWhenStoredSpellingThenAccepted() {
        assertThat(AuditEventType.parse("refresh_token.reused")).contains(AuditEventType.REFRESH_TOKEN_REUSED);
        assertThat(AuditEventType.parse("authorization_code.replayed")).contains(AuditEventType.CODE_REPLAYED);
        assertThat(AuditEventType.parse("client.secret_rotated")).contains(AuditEventType.CLIENT_SECRET_ROTATED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "REFRESH_TOKEN_REUSED", "Refresh_Token.Reused", "refresh_token.reused ", "store.unavailable"})
    void parseWhenOtherSpellingThenEmpty(String value) {
        assertThat(AuditEventType.parse(value)).isEmpty();
    }

    @Test
    void wireNamesThenDistinct() {
        assertThat(Arrays.stream(AuditEventType.values()).map(AuditEventType::wireName)).doesNotHaveDuplicates();
    }

    @Test
    void parseWhenNullThenNullPointerException() {
        assertThatNullPointerException().isThrownBy(() -> AuditEventType.parse(null)).withMessage("value");
    }
}
