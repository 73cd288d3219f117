package dev.connect.oauth.application.port.in;

import dev.connect.oauth.domain.ErrorCode;
import dev.connect.oauth.domain.OAuthException;
import java.time.Duration;
import java.util.Objects;

/**
 * {@code too_many_requests}: an abuse limit refused the attempt before it was tried. The caller
 * may try again after {@link #retryAfter()} (RFC 6585 §4, {@code Retry-After}).
 */
public final class TooManyAttemptsException extends OAuthException {
    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    public TooManyAttemptsException(Duration retryAfter) {
        super(ErrorCode.TOO_MANY_REQUESTS, ErrorCode.TOO_MANY_REQUESTS.description());
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
    }

    /** How long until the limit lets this caller try again. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
