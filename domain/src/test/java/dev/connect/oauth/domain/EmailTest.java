package dev.connect.oauth.domain;

import static dev.connect.oauth.domain.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class EmailTest {

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\t\n"})
    void parseWhenAbsentOrBlankThenEmailRequired2034(String value) {
        assertRejected(() -> Email.parse(value), ErrorCode.EMAIL_REQUIRED);
        assertThat(ErrorCode.EMAIL_REQUIRED.code()).isEqualTo(2034);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "plainaddress", "@example.com", "ada@", "ada@example", "ada@@example.com", "ada lovelace@example.com",
        "ada@exa mple.com", ".ada@example.com", "ada.@example.com", "ada..l@example.com", "ada@example..com",
        "ada@-example.com", "ada@example-.com", "ada@example.123", "ada@example.com.", "ada(x)@example.com",
        "ada@[127.0.0.1]", "\"ada\"@example.com", "adá@example.com"
    })
    void parseWhenSyntaxInvalidThenEmailInvalid2041(String value) {
        assertRejected(() -> Email.parse(value), ErrorCode.EMAIL_INVALID);
        assertThat(ErrorCode.EMAIL_INVALID.code()).isEqualTo(2041);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "ada@example.com", "ada.lovelace+tag@mail.example.co.uk", "a_b-c@sub-domain.example.io", "x@y.zz",
        "o'brien@example.ie"
    })
    void parseWhenSyntaxValidThenAccepted(String value) {
        assertThat(Email.parse(value).value()).isEqualTo(value);
    }

    @Test
    void parseThenFoldsCaseAndStripsSurroundingSpace() {
        Email email = Email.parse("  Ada.Lovelace@Example.COM ");

        assertThat(email.value()).isEqualTo("ada.lovelace@example.com");
        assertThat(email).isEqualTo(Email.parse("ada.lovelace@example.com")).hasToString("ada.lovelace@example.com");
    }

    @Test
    void parseWhenLocalPartOf64CharactersThenAcceptedAnd65Refused() {
        assertThat(Email.parse("a".repeat(64) + "@example.com").value()).startsWith("a".repeat(64));
        assertRejected(() -> Email.parse("a".repeat(65) + "@example.com"), ErrorCode.EMAIL_INVALID);
    }

    @Test
    void parseWhenLongerThan254CharactersThenEmailInvalid() {
        String domain = ("d".repeat(60) + ".").repeat(4) + "com";
        String at254 = "a".repeat(254 - domain.length() - 1) + "@" + domain;

        assertThat(Email.parse(at254).value()).hasSize(254);
        assertRejected(() -> Email.parse("a" + at254), ErrorCode.EMAIL_INVALID);
    }
}
