package dev.connect.oauth.testkit.testdata;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class MutableClockTest {

    @Test
    void instantThenStandsStillUntilAdvanced() {
        MutableClock clock = new MutableClock();

        assertThat(clock.instant()).isEqualTo(MutableClock.START).isEqualTo(clock.instant());
        clock.advance(Duration.ofSeconds(61));

        assertThat(clock.instant()).isEqualTo(MutableClock.START.plusSeconds(61));
        assertThat(clock.millis()).isEqualTo(MutableClock.START.plusSeconds(61).toEpochMilli());
    }

    @Test
    void setThenThatInstantInUtc() {
        MutableClock clock = new MutableClock();
        Instant later = Instant.parse("2030-06-01T00:00:00.123Z");

        clock.set(later);

        assertThat(clock.instant()).isEqualTo(later);
        assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
    }
}
