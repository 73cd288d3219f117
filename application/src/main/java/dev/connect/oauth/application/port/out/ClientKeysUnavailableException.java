package dev.connect.oauth.application.port.out;

/** A client's {@code jwks_uri} could not be read: unreachable, too slow, too large or not 200. */
public final class ClientKeysUnavailableException extends RuntimeException {
    public ClientKeysUnavailableException(String message) {
        super(message);
    }

    public ClientKeysUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
