package dev.connect.oauth.adapter.http;

import dev.connect.oauth.adapter.http.HttpSettings.RateLimit;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A rate limit per key (an authenticated client id, a source address): one token bucket each,
 * holding at most {@code requests} tokens and refilled evenly over {@code per}.
 *
 * <p>The buckets live in this node's memory: behind a load balancer of n nodes a caller may get
 * up to n times the limit. They bound load, not guessing: the security-relevant failure counts are
 * in the shared store (see the application's abuse limits). Memory is bounded without ever
 * scanning: keys are kept as their SHA-256 (a key may be long), and past {@value #MAX_KEYS} keys
 * the least recently used bucket is dropped (a dropped bucket is as if full again).
 */
final class TokenBuckets {
    static final int MAX_KEYS = 100_000;

    private final RateLimit limit;
    private final Clock clock;
    private final double tokensPerNano;
    private final Map<String, Bucket> buckets = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
            return size() > MAX_KEYS;
        }
    };

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
        String hashed = hash(key);
        long now = nanos();
        synchronized (buckets) {
            return buckets.computeIfAbsent(hashed, k -> new Bucket(limit.requests(), now)).take(now, true);
        }
    }

    /**
     * Whether {@code key} has a token, without taking it (nor making a bucket): for limits charged
     * only once a request has succeeded.
     *
     * @return empty when a token is there, else how long until one is back
     */
    Optional<Duration> waitFor(String key) {
        String hashed = hash(key);
        long now = nanos();
        synchronized (buckets) {
            Bucket bucket = buckets.get(hashed);
            return bucket == null ? Optional.empty() : bucket.take(now, false);
        }
    }

    /** How many keys have a bucket now. */
    int size() {
        synchronized (buckets) {
            return buckets.size();
        }
    }

    private long nanos() {
        var instant = clock.instant();
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    private static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }

    /** One key's tokens; guarded by the map's lock. */
    private final class Bucket {
        private double tokens;
        private long updatedAt;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.updatedAt = now;
        }

        Optional<Duration> take(long now, boolean consume) {
            if (now > updatedAt) {
                tokens = Math.min(limit.requests(), tokens + (now - updatedAt) * tokensPerNano);
                updatedAt = now;
            }
            if (tokens >= 1) {
                tokens -= consume ? 1 : 0;
                return Optional.empty();
            }
            return Optional.of(Duration.ofNanos((long) Math.ceil((1 - tokens) / tokensPerNano)));
        }
    }
}
