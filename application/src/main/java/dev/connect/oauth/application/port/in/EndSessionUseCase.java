package dev.connect.oauth.application.port.in;

/**
 * RP-initiated logout: a client sends the browser to end the account's session at the server.
 *
 * @see <a href="https://openid.net/specs/openid-connect-rpinitiated-1_0.html">OpenID Connect RP-Initiated Logout 1.0</a>
 */
public interface EndSessionUseCase {
    /**
     * The session ended at once with a valid {@code id_token_hint}; without one, a
     * {@link LogoutConfirmation} until the user confirmed.
     *
     * @throws dev.connect.oauth.domain.OAuthException {@code invalid_request} when the
     *         {@code id_token_hint} is not ours, names another client than {@code client_id},
     *         neither is given, or the {@code post_logout_redirect_uri} is not registered
     */
    LogoutOutcome endSession(EndSessionCommand command);
}
