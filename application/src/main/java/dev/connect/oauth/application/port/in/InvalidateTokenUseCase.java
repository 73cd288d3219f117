package dev.connect.oauth.application.port.in;

import java.util.Optional;

/**
 * {@code /invalidate} (seed 003): revokes a bearer access token and the refresh token issued with it.
 */
public interface InvalidateTokenUseCase {
    /**
     * @param bearerToken the token from {@code Authorization: Bearer}, empty when absent
     * @throws dev.connect.oauth.domain.OAuthException {@code invalid_token} when unknown or already invalid
     */
    void invalidate(Optional<String> bearerToken);
}
