package dev.connect.oauth.application.port.out;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * An adapter cannot do the work now but will soon: its store is unreachable, or it is at the
 * capacity it was given (password hashing under a flood of sign-ins). It is an infrastructure
 * fault, never an OAuth error: the HTTP adapter answers 503 with {@code Retry-After} (RFC 9110
 * §15.6.4), the adapter's own hint when it gives one. Adapters throw it quickly instead of letting
 * callers queue without bound.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9110#section-15.6.4">RFC 9110 §15.6.4</a>
 */
public class TemporarilyUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Optional<Duration> retryAfter;

    /** @param retryAfter when to try again, if the adapter knows better than the server's default */
    public TemporarilyUnavailableException(String message, Optional<Duration> retryAfter, Throwable cause) {
        super(message, cause);
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
    }

    /** When a caller should try again; empty: the server's default. */
    public Optional<Duration> retryAfter() {
        return retryAfter;
    }
}
