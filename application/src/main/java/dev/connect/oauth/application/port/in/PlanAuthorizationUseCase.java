package dev.connect.oauth.application.port.in;

/**
 * Decides what a browser's authorization request needs next: the sign-in page, the consent page,
 * or nothing (consent remembered: the code at once), honouring {@code prompt} and {@code max_age}.
 *
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#AuthRequest">OpenID Connect Core 1.0 §3.1.2.1</a>
 */
public interface PlanAuthorizationUseCase {
    /**
     * @throws AuthorizationRedirectException for an invalid request once the redirect URI is
     *         trusted, and for {@code prompt=none} when a page would be needed ({@code login_required},
     *         {@code consent_required}); an {@code OAuthException} before that, as
     *         {@link CheckAuthorizationRequestUseCase}
     */
    AuthorizationPlan plan(PlanAuthorizationCommand command);
}
