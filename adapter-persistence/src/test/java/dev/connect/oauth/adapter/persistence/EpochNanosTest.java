package dev.connect.oauth.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EpochNanosTest {
    @Test
    void ofWhenInstantHasNanosecondsThenRoundTripsExactly() {
        Instant instant = Instant.parse("2025-01-15T10:00:00.123456789Z");

        assertThat(EpochNanos.of(instant)).isEqualTo(1_736_935_200_123_456_789L);
        assertThat(EpochNanos.toInstant(EpochNanos.of(instant))).isEqualTo(instant);
    }

    @Test
    void ofWhenBeforeTheEpochThenRoundTripsExactly() {
        Instant instant = Instant.parse("1969-12-31T23:59:59.999999999Z");

        assertThat(EpochNanos.of(instant)).isEqualTo(-1L);
        assertThat(EpochNanos.toInstant(-1L)).isEqualTo(instant);
    }

    @Test
    void ofWhenOptionalThenNullForEmpty() {
        assertThat(EpochNanos.of(Optional.empty())).isNull();
        assertThat(EpochNanos.toOptionalInstant(null)).isEmpty();
        assertThat(EpochNanos.toOptionalInstant(0L)).contains(Instant.EPOCH);
    }

    @Test
    void ofWhenBeyondWhatSixtyFourBitsHoldThenRefused() {
        assertThatThrownBy(() -> EpochNanos.of(Instant.parse("2300-01-01T00:00:00Z")))
                .isInstanceOf(ArithmeticException.class);
    }
}
