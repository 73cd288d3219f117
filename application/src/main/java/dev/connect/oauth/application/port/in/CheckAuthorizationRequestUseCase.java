package dev.connect.oauth.application.port.in;

/**
 * Validates an authorization request before sign-in and consent.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2.1">RFC 6749 §4.1.2.1</a>
 */
public interface CheckAuthorizationRequestUseCase {
    /**
     * @throws dev.connect.oauth.domain.OAuthException unknown client, or redirect URI missing or
     *         not registered: shown to the user, never redirected
     * @throws AuthorizationRedirectException any other error: sent back to the redirect URI
     */
    CheckedAuthorization check(AuthorizationRequest request);
}
