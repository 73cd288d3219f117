package dev.connect.oauth.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.connect.oauth.domain.TokenId;
import dev.connect.oauth.testkit.fake.FakeSecretGenerator;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TimeOrderedIdsTest {
    private final TimeOrderedIds ids = new TimeOrderedIds(new FakeSecretGenerator());

    @Test
    void nextWhenMadeLaterThenSortsLaterByteForByte() {
        List<Instant> times = List.of(Instant.EPOCH, Instant.ofEpochMilli(63), Instant.ofEpochMilli(64),
                Instant.parse("2026-12-02T20:00:00Z"), Instant.parse("2026-12-02T20:00:00.001Z"),
                Instant.parse("2026-12-02T20:00:01Z"), Instant.parse("2100-01-01T00:00:00Z"));

        List<String> made = times.stream().map(ids::next).toList();

        // MySQL's binary collation and H2 compare the bytes, as the primary key orders its rows.
        Comparator<String> bytes = Comparator.comparing(id -> id.getBytes(StandardCharsets.US_ASCII),
                Arrays::compareUnsigned);
        assertThat(made).isSortedAccordingTo(bytes);
    }

    @Test
    void nextThenTheTimeAndARandomIdentifierInUrlSafeCharacters() {
        String id = ids.next(Instant.parse("2026-12-02T20:00:00Z"));

        assertThat(id).hasSize(8 + 22).matches("[A-Za-z0-9_-]+");
        assertThat(new TokenId(id).value()).isEqualTo(id);
    }

    @Test
    void nextWhenSameMillisecondThenStillDistinct() {
        Instant at = Instant.parse("2026-12-02T20:00:00Z");

        assertThat(IntStream.range(0, 1_000).mapToObj(i -> ids.next(at))).doesNotHaveDuplicates();
    }

    @Test
    void nextWhenBeforeTheEpochThenRefused() {
        assertThatThrownBy(() -> ids.next(Instant.EPOCH.minusMillis(1))).isInstanceOf(IllegalArgumentException.class);
    }
}
