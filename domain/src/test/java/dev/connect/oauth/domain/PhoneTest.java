package dev.connect.oauth.domain;

import static dev.connect.oauth.domain.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "+44 20 7946 0958      | +442079460958",
        "0044 (20) 7946-0958   | +442079460958",
        "  +44-20-7946-0958    | +442079460958",
        "+1 (415) 555-0100     | +14155550100",
        "+1.415.555.0100       | +14155550100",
        "001/415/555/0100      | +14155550100",
        "+14155550100          | +14155550100"
    })
    void parseThenNormalisedToE164(String written, String e164) {
        assertThat(Phone.parse(written).value()).isEqualTo(e164);
    }

    @Test
    void parseWhenWrittenDifferentlyThenTheSameNumber() {
        assertThat(Phone.parse("+44 20 7946 0958")).isEqualTo(Phone.parse("0044 (20) 79460958"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "415 555 0100", "07946 0958 12", "44 20 7946 0958", "+0 20 7946 0958", "+1234567", "+1234567890123456",
        "+1 415 CALL NOW", "+", "", "++14155550100", "+1 415 555 0100 ext 2"
    })
    void parseWhenNotAnInternationalNumberThenInvalidRequest(String written) {
        assertRejected(() -> Phone.parse(written), ErrorCode.INVALID_REQUEST);
    }

    @ParameterizedTest
    @ValueSource(strings = {"+12345678", "+123456789012345"})
    void parseWhenEightOrFifteenDigitsThenAccepted(String written) {
        assertThat(Phone.parse(written).value()).isEqualTo(written);
    }

    @Test
    void constructorWhenNotAlreadyE164ThenInvalidRequest() {
        assertRejected(() -> new Phone("+44 20 7946 0958"), ErrorCode.INVALID_REQUEST);
    }

    @Test
    void parseWhenNullThenNullPointer() {
        assertThatNullPointerException().isThrownBy(() -> Phone.parse(null)).withMessage("raw");
        assertThatNullPointerException().isThrownBy(() -> new Phone(null)).withMessage("value");
    }
}
