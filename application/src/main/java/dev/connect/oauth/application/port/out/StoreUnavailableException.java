package dev.connect.oauth.application.port.out;

import java.util.Optional;

/**
 * A store could not be reached or did not answer in time. It is an infrastructure fault, never an
 * OAuth error: the HTTP adapter answers 503 with {@code Retry-After}. Adapters throw it within a
 * few seconds instead of hanging, and work again once the store is back.
 */
public class StoreUnavailableException extends TemporarilyUnavailableException {
    private static final long serialVersionUID = 1L;

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, Optional.empty(), cause);
    }
}
