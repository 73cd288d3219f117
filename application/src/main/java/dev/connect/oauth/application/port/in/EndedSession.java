package dev.connect.oauth.application.port.in;

import dev.connect.oauth.domain.RedirectUri;
import java.util.Objects;
import java.util.Optional;

/**
 * A logout done: whether the browser's session (of the hint's account, or the one whose user
 * confirmed) was ended, and where to
 * send the browser (the client's registered URI, with the request's {@code state}), or nowhere
 * (the signed-out page).
 */
public record EndedSession(boolean sessionEnded, Optional<RedirectUri> postLogoutRedirectUri, Optional<String> state)
        implements LogoutOutcome {
    public EndedSession {
        Objects.requireNonNull(postLogoutRedirectUri, "postLogoutRedirectUri");
        Objects.requireNonNull(state, "state");
    }
}
