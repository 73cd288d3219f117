package dev.connect.oauth.domain;

import java.util.Objects;

/**
 * An expected rejection the caller can act on: it carries an {@link ErrorCode} and a description
 * that is safe to show (never a secret, SQL or stack detail). Infrastructure faults are other
 * exceptions and never masquerade as this one.
 */
public class OAuthException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode errorCode;

    public OAuthException(ErrorCode errorCode, String description) {
        super(Objects.requireNonNull(description, "description"), null, false, false);
        this.errorCode = Objects.requireNonNull(errorCode, "errorCode");
    }

    public ErrorCode errorCode() {
        return errorCode;
    }

    /** The human text for {@code error_description}. */
    public String description() {
        return getMessage();
    }
}
