package dev.connect.oauth.application.port.in;

import java.util.Objects;
import java.util.Optional;

/**
 * Create an admin outside the API: on start from the environment (only while no admin exists,
 * with the key given there) or from the CLI (always, with a new key unless one is given).
 */
public record BootstrapAdminCommand(String email, String name, Optional<String> apiKey, boolean onlyIfNoAdmin) {
    public BootstrapAdminCommand {
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(apiKey, "apiKey");
    }

    @Override
    public String toString() {
        return "BootstrapAdminCommand[email=" + email + ", onlyIfNoAdmin=" + onlyIfNoAdmin + "]";
    }
}
