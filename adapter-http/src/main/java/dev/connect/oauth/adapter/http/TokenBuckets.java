package dev.connect.oauth.adapter.http;

import dev.connect.oauth.adapter.http.HttpSettings.RateLimit;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A rate limit per key (a client id, an email, an address): one token bucket each, holding at
 * most {@code requests} tokens and refilled evenly over {@code per}.
 *
 * <p>The buckets live in this node's memory: behind a load balancer of n nodes a caller may get
 * up to n times the limit. That still stops password guessing and runaway clients at a rate the
 * store can bear, without a store round trip per request. Memory is bounded: past
 * {@value #MAX_KEYS} keys, buckets that have refilled completely (idle callers) are dropped.
 */
final class TokenBuckets {
    static final int MAX_KEYS = 100_000;

    private final RateLimit limit;
    private final Clock clock;
    private final double tokensPerNano;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    TokenBuckets(RateLimit limit, Clock clock) {
        this.limit = Objects.requireNonNull(limit, "limit");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.tokensPerNano = limit.requests() / (double) limit.per().toNanos();
    }

    /**
     * Takes a token for {@code key}.
     *
     * @return empty when the request may go ahead, else how long until a token is back
     */
    Optional<Duration> take(String key) {
        long now = nanos();
        if (buckets.size() >= MAX_KEYS) {
            buckets.values().removeIf(bucket -> bucket.isFull(now));
        }
        return buckets.computeIfAbsent(key, k -> new Bucket(limit.requests(), now)).take(now);
    }

    /** How many keys have a bucket now. */
    int size() {
        return buckets.size();
    }

    private long nanos() {
        var instant = clock.instant();
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    private final class Bucket {
        private double tokens;
        private long updatedAt;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.updatedAt = now;
        }

        synchronized Optional<Duration> take(long now) {
            refill(now);
            if (tokens >= 1) {
                tokens -= 1;
                return Optional.empty();
            }
            return Optional.of(Duration.ofNanos((long) Math.ceil((1 - tokens) / tokensPerNano)));
        }

        synchronized boolean isFull(long now) {
            refill(now);
            return tokens >= limit.requests();
        }

        private void refill(long now) {
            if (now > updatedAt) {
                tokens = Math.min(limit.requests(), tokens + (now - updatedAt) * tokensPerNano);
                updatedAt = now;
            }
        }
    }
}
