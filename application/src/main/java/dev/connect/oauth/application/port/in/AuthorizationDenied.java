package dev.connect.oauth.application.port.in;

import dev.connect.oauth.domain.RedirectUri;
import java.util.Objects;
import java.util.Optional;

/**
 * The account denied the request: the client gets {@code access_denied} with the request's state.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2.1">RFC 6749 §4.1.2.1</a>
 */
public record AuthorizationDenied(RedirectUri redirectUri, Optional<String> state) implements AuthorizationResponse {
    public AuthorizationDenied {
        Objects.requireNonNull(redirectUri, "redirectUri");
        Objects.requireNonNull(state, "state");
    }
}
