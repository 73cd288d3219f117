package dev.connect.oauth.application.port.in;

import java.util.Optional;

/** The account signed in through a browser session cookie and when it signed in, if the session is still valid. */
public interface ResolveSignInUseCase {
    /** @param sessionToken the cookie value, {@code null} when absent */
    Optional<SignedInAccount> signedIn(Optional<String> sessionToken);
}
