package dev.connect.oauth.application.port.in;

import dev.connect.oauth.domain.OAuthException;
import dev.connect.oauth.domain.RedirectUri;
import java.util.Objects;
import java.util.Optional;

/**
 * An authorization request rejected after its client and redirect URI were verified: the error
 * goes back to the client at {@link #redirectUri()} with the request's {@code state}
 * (RFC 6749 §4.1.2.1). Errors before that point are plain {@link OAuthException}s and must never
 * redirect.
 */
public final class AuthorizationRedirectException extends OAuthException {
    private static final long serialVersionUID = 1L;

    private final RedirectUri redirectUri;
    private final transient Optional<String> state;

    public AuthorizationRedirectException(OAuthException cause, RedirectUri redirectUri, Optional<String> state) {
        super(cause.errorCode(), cause.description());
        this.redirectUri = Objects.requireNonNull(redirectUri, "redirectUri");
        this.state = Objects.requireNonNull(state, "state");
    }

    public RedirectUri redirectUri() {
        return redirectUri;
    }

    public Optional<String> state() {
        return state;
    }
}
