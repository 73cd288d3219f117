package dev.connect.oauth.application;

import java.time.Duration;
import java.util.Objects;

/**
 * How a node keeps the token checks of {@code /info}, introspection and revocation in memory,
 * built once from configuration.
 *
 * @param maxEntries      the most access tokens the cache holds; 0 turns the cache off
 * @param revocationDelay the longest a token revoked on another node may still be accepted here:
 *                        the cache answers only while its last poll of the revocations is at most
 *                        this old, and polls twice per delay
 * @param clockSkew       how far apart the nodes' clocks may be: each poll reads the revocations
 *                        stamped up to this much (plus the duration of a revoking transaction)
 *                        before the previous poll began, so a node whose clock lags is not missed
 */
public record TokenCachePolicy(int maxEntries, Duration revocationDelay, Duration clockSkew) {
    /** The cache's default size, in access tokens (each held with its account). */
    public static final int DEFAULT_MAX_ENTRIES = 100_000;
    /** The default bound on how long another node's revocation takes to be seen here. */
    public static final Duration DEFAULT_REVOCATION_DELAY = Duration.ofSeconds(1);
    /** The default clock skew tolerated between nodes. */
    public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(10);

    public TokenCachePolicy {
        Objects.requireNonNull(revocationDelay, "revocationDelay");
        Objects.requireNonNull(clockSkew, "clockSkew");
        if (maxEntries < 0) {
            throw new IllegalArgumentException("maxEntries must not be negative");
        }
        if (revocationDelay.toMillis() < 10 || clockSkew.isNegative()) {
            throw new IllegalArgumentException("revocationDelay must be at least 10 ms and clockSkew not negative");
        }
    }

    /** {@link #DEFAULT_MAX_ENTRIES}, {@link #DEFAULT_REVOCATION_DELAY}, {@link #DEFAULT_CLOCK_SKEW}. */
    public static TokenCachePolicy defaults() {
        return new TokenCachePolicy(DEFAULT_MAX_ENTRIES, DEFAULT_REVOCATION_DELAY, DEFAULT_CLOCK_SKEW);
    }

    /** No cache: every check reads the store. */
    public static TokenCachePolicy off() {
        return new TokenCachePolicy(0, DEFAULT_REVOCATION_DELAY, DEFAULT_CLOCK_SKEW);
    }

    /** How often the revocations are polled: twice per {@link #revocationDelay}, so one late poll does not stop the cache. */
    public Duration pollInterval() {
        return revocationDelay.dividedBy(2);
    }
}
