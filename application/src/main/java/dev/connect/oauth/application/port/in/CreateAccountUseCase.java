package dev.connect.oauth.application.port.in;

/** Admin only: creates an account with its first API key. */
public interface CreateAccountUseCase {
    /**
     * @throws dev.connect.oauth.domain.OAuthException 403 for a non-admin caller; 2034, 2041,
     *         2039, 2040 for the email and phone rules
     */
    CreatedAccount create(CreateAccountCommand command);
}
