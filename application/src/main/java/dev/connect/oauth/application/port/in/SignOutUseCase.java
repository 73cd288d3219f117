package dev.connect.oauth.application.port.in;

import java.util.Optional;

/** Ends a browser session: the sign-in page's logout. */
public interface SignOutUseCase {
    /**
     * Deletes the session of this cookie value, at once on every node; an absent, unknown or
     * expired session is already ended, so this never fails for it.
     */
    void signOut(Optional<String> sessionToken);
}
