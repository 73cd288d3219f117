package dev.connect.oauth.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connect.oauth.adapter.http.HttpSettings.RateLimit;
import dev.connect.oauth.testkit.testdata.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TokenBucketsTest {
    private final MutableClock clock = new MutableClock();
    private final TokenBuckets buckets = new TokenBuckets(new RateLimit(3, Duration.ofMinutes(1)), clock);

    @Test
    void takeWhenBucketFullThenBurstUpToTheLimit() {
        assertThat(buckets.take("client")).isEmpty();
        assertThat(buckets.take("client")).isEmpty();
        assertThat(buckets.take("client")).isEmpty();

        assertThat(buckets.take("client")).contains(Duration.ofSeconds(20));
    }

    @Test
    void takeWhenTimePassesThenRefilledEvenly() {
        for (int i = 0; i < 3; i++) {
            buckets.take("client");
        }

        clock.advance(Duration.ofSeconds(20));

        assertThat(buckets.take("client")).isEmpty();
        assertThat(buckets.take("client")).isPresent();
    }

    @Test
    void takeWhenAnotherKeyIsEmptyThenThisKeyIsUnaffected() {
        for (int i = 0; i < 3; i++) {
            buckets.take("a");
        }

        assertThat(buckets.take("a")).isPresent();
        assertThat(buckets.take("b")).isEmpty();
    }

    @Test
    void whenMoreKeysThanTheBoundThenTheLeastRecentlyUsedAreDroppedAndActiveLimitsHold() {
        for (int i = 0; i < 3; i++) {
            buckets.take("busy");
        }
        for (int i = 0; i < TokenBuckets.MAX_KEYS; i++) {
            buckets.take("idle-" + i);
            if (i % 1_000 == 0) {
                buckets.waitFor("busy");
            }
        }

        buckets.take("newcomer");

        assertThat(buckets.size()).isEqualTo(TokenBuckets.MAX_KEYS);
        assertThat(buckets.take("busy")).isPresent();
    }

    @Test
    void waitForThenNeitherTakesNorMakesABucket() {
        assertThat(buckets.waitFor("client")).isEmpty();
        assertThat(buckets.size()).isZero();
        for (int i = 0; i < 3; i++) {
            buckets.take("client");
        }

        assertThat(buckets.waitFor("client")).contains(Duration.ofSeconds(20));
        clock.advance(Duration.ofSeconds(20));
        assertThat(buckets.waitFor("client")).isEmpty();
        assertThat(buckets.waitFor("client")).isEmpty();
        assertThat(buckets.take("client")).isEmpty();
        assertThat(buckets.take("client")).isPresent();
    }
}
