package dev.connect.oauth.bootstrap;

/** A configuration value is missing or wrong; the message is one line naming the variable. */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ConfigException(String message) {
        super(message, null, false, false);
    }
}
