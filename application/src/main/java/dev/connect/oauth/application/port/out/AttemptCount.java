package dev.connect.oauth.application.port.out;

import java.time.Instant;
import java.util.Objects;

/**
 * The failed attempts counted for one key in its current window.
 *
 * @param hits         how many, at least 1
 * @param windowEndsAt when the window ends and the count falls back to nothing
 */
public record AttemptCount(int hits, Instant windowEndsAt) {
    public AttemptCount {
        Objects.requireNonNull(windowEndsAt, "windowEndsAt");
        if (hits < 1) {
            throw new IllegalArgumentException("hits must be positive");
        }
    }
}
