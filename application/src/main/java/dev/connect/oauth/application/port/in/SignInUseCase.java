package dev.connect.oauth.application.port.in;

/** Signs an account in with email and password and opens a browser session. */
public interface SignInUseCase {
    /**
     * @throws dev.connect.oauth.domain.OAuthException {@code access_denied} for a wrong email or
     *         password (the same answer for both, in about the same time)
     */
    SignedIn signIn(SignInCommand command);
}
