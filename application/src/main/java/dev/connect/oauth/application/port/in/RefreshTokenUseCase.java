package dev.connect.oauth.application.port.in;

/**
 * Rotates a refresh token: returns a new access token and a new refresh token and retires the old
 * one. Presenting a retired refresh token revokes the whole grant and fails with
 * {@code invalid_grant}.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-6">RFC 6749 §6</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9700#section-4.14.2">RFC 9700 §4.14.2</a>
 */
public interface RefreshTokenUseCase {
    TokenResponse refresh(RefreshTokenCommand command);
}
