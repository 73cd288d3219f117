package dev.connect.oauth.application.port.in;

import java.util.Optional;

/**
 * {@code /invalidate} (seed 003): revokes an access token and the refresh token issued with it.
 * The token is presented as its binding requires (a DPoP-bound token with a proof of its key).
 */
public interface InvalidateTokenUseCase {
    /**
     * @throws dev.connect.oauth.domain.OAuthException {@code invalid_token} when unknown, already
     *         invalid or presented with the wrong scheme; {@code invalid_dpop_proof} or
     *         {@code use_dpop_nonce} when the DPoP proof fails
     */
    void invalidate(PresentedAccessToken token);

    /** {@link #invalidate(PresentedAccessToken)} of a token sent as {@code Authorization: Bearer}. */
    default void invalidate(Optional<String> bearerToken) {
        invalidate(PresentedAccessToken.bearer(bearerToken));
    }
}
