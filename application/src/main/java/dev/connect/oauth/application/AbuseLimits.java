package dev.connect.oauth.application;

import java.time.Duration;
import java.util.Objects;

/**
 * The abuse limits the use cases apply, counted in the store every node shares, built once from
 * configuration.
 *
 * <p>Sign-in failures are counted per account (the email as typed), per source, and per account
 * and source together, each in a fixed window. A source from which the account signed in within
 * {@link #KNOWN_SOURCE_TTL} is exempt from the per-account and per-source limits, so an attacker
 * failing from elsewhere cannot lock the account holder out of their usual source; every other
 * source shares the per-account limit (OWASP ASVS 4.0.3 §2.2.1: at most 100 failed attempts per
 * hour per account).
 *
 * @param signInFailuresPerAccount          failures per account and window, from unknown sources (at most 100)
 * @param signInFailuresPerSource           failures per source and window, over every account (password spraying)
 * @param signInFailuresPerAccountAndSource failures per account and source and window; a success resets it
 * @param signInWindow                      the window of the sign-in counts
 * @param clientFailuresPerSource           failed client authentications per claimed client id and source and window
 * @param clientFailureWindow               the window of the client authentication counts
 * @see <a href="https://github.com/OWASP/ASVS/blob/v4.0.3/4.0/en/0x11-V2-Authentication.md">OWASP ASVS 4.0.3 V2.2.1</a>
 */
public record AbuseLimits(int signInFailuresPerAccount, int signInFailuresPerSource,
                          int signInFailuresPerAccountAndSource, Duration signInWindow, int clientFailuresPerSource,
                          Duration clientFailureWindow) {
    /** ASVS 2.2.1's ceiling for the per-account limit within one hour. */
    public static final int MAX_FAILURES_PER_ACCOUNT_AND_HOUR = 100;
    /**
     * Wrong user codes (RFC 8628 §5.1) per source and window: a person mistyping a few times passes,
     * a sweep of the 20^8 codes does not get far (10 per quarter hour is under 10^3 a day).
     */
    public static final int USER_CODE_FAILURES_PER_SOURCE = 10;
    /** Wrong user codes per account and window, from any source. */
    public static final int USER_CODE_FAILURES_PER_ACCOUNT = 20;
    /** The window of the wrong-user-code counts. */
    public static final Duration USER_CODE_FAILURE_WINDOW = Duration.ofMinutes(15);
    /** How long a successful sign-in makes its source a known one for the account. */
    public static final Duration KNOWN_SOURCE_TTL = Duration.ofDays(30);

    public AbuseLimits {
        Objects.requireNonNull(signInWindow, "signInWindow");
        Objects.requireNonNull(clientFailureWindow, "clientFailureWindow");
        requirePositive(signInFailuresPerAccount, "signInFailuresPerAccount");
        requirePositive(signInFailuresPerSource, "signInFailuresPerSource");
        requirePositive(signInFailuresPerAccountAndSource, "signInFailuresPerAccountAndSource");
        requirePositive(clientFailuresPerSource, "clientFailuresPerSource");
        if (signInWindow.compareTo(Duration.ofHours(1)) < 0
                || clientFailureWindow.isNegative() || clientFailureWindow.isZero()) {
            throw new IllegalArgumentException("signInWindow must be at least an hour and clientFailureWindow positive");
        }
        if (signInFailuresPerAccount > MAX_FAILURES_PER_ACCOUNT_AND_HOUR) {
            throw new IllegalArgumentException("signInFailuresPerAccount must be at most " + MAX_FAILURES_PER_ACCOUNT_AND_HOUR);
        }
    }

    /** 100 failures per account, 300 per source, 20 per account and source, in one hour; 20 client failures per 5 minutes. */
    public static AbuseLimits defaults() {
        return new AbuseLimits(MAX_FAILURES_PER_ACCOUNT_AND_HOUR, 300, 20, Duration.ofHours(1), 20, Duration.ofMinutes(5));
    }

    private static void requirePositive(int value, String name) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
