package dev.connect.oauth.application.port.in;

/**
 * Decides an authorization request in one call: checks it, then on approval records the
 * account's grant and returns the code (shown once; only its hash is kept), on denial returns
 * {@code access_denied} for the client.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2">RFC 6749 §4.1.2</a>
 */
public interface AuthorizeUseCase {
    /** @throws AuthorizationRedirectException or OAuthException as {@link CheckAuthorizationRequestUseCase} */
    AuthorizationResponse authorize(AuthorizeCommand command);
}
