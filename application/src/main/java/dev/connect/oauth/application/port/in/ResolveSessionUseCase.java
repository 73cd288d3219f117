package dev.connect.oauth.application.port.in;

import dev.connect.oauth.domain.Account;
import java.util.Optional;

/** The account signed in through a browser session cookie, if the session is still valid. */
public interface ResolveSessionUseCase {
    /** @param sessionToken the cookie value, empty when absent */
    Optional<Account> resolve(Optional<String> sessionToken);
}
