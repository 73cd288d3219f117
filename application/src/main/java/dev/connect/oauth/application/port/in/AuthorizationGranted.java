package dev.connect.oauth.application.port.in;

import dev.connect.oauth.domain.RedirectUri;
import java.util.Objects;
import java.util.Optional;

/** An issued authorization code, to deliver to the client with the request's state. */
public record AuthorizationGranted(RedirectUri redirectUri, String code, Optional<String> state)
        implements AuthorizationResponse {
    public AuthorizationGranted {
        Objects.requireNonNull(redirectUri, "redirectUri");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(state, "state");
    }

    @Override
    public String toString() {
        return "AuthorizationGranted[redirectUri=" + redirectUri + ", code=redacted, state=" + state + "]";
    }
}
