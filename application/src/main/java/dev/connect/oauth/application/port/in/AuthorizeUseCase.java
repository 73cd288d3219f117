package dev.connect.oauth.application.port.in;

/**
 * Issues an authorization code for an approved request: re-checks the request, records the
 * account's grant and returns the code (shown once; only its hash is kept).
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2">RFC 6749 §4.1.2</a>
 */
public interface AuthorizeUseCase {
    /** @throws AuthorizationRedirectException or OAuthException as {@link CheckAuthorizationRequestUseCase} */
    AuthorizationGranted authorize(AuthorizeCommand command);
}
