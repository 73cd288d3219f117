package dev.connect.oauth.application.port.in;

import java.util.Optional;

/** Creates the first admin (or, from the CLI, another one). */
public interface BootstrapAdminUseCase {
    /** The created admin and its key, or empty when {@code onlyIfNoAdmin} and an admin exists. */
    Optional<CreatedAccount> bootstrap(BootstrapAdminCommand command);
}
