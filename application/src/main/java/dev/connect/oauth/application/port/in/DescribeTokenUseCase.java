package dev.connect.oauth.application.port.in;

import java.util.Optional;

/**
 * {@code /info}: the account behind an access token, which must be active and carry the
 * {@code connect} scope, presented as its binding requires: a bearer token with
 * {@code Authorization: Bearer}, a DPoP-bound one with {@code Authorization: DPoP} and a proof of its key.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6750#section-3.1">RFC 6750 §3.1</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9449#section-7">RFC 9449 §7</a>
 */
public interface DescribeTokenUseCase {
    /**
     * @throws dev.connect.oauth.domain.OAuthException {@code invalid_token} when missing, expired,
     *         revoked, not issued here or presented with the wrong scheme; {@code insufficient_scope}
     *         without {@code connect}; {@code invalid_dpop_proof} or {@code use_dpop_nonce} when the
     *         DPoP proof fails
     */
    TokenInfo describe(PresentedAccessToken token);

    /** {@link #describe(PresentedAccessToken)} of a token sent as {@code Authorization: Bearer}. */
    default TokenInfo describe(Optional<String> bearerToken) {
        return describe(PresentedAccessToken.bearer(bearerToken));
    }

    /**
     * What {@link #describe} answers, when this node can tell from memory alone: never blocks, so
     * it may run on an event loop. Empty when the answer needs the store (the token is not cached,
     * or missing, or comes with a DPoP proof, whose {@code jti} the fleet must record); then call
     * {@link #describe}.
     *
     * @throws dev.connect.oauth.domain.OAuthException as {@link #describe}, for a cached token
     */
    Optional<TokenInfo> describeFromMemory(PresentedAccessToken token);

    /** {@link #describeFromMemory(PresentedAccessToken)} of a token sent as {@code Authorization: Bearer}. */
    default Optional<TokenInfo> describeFromMemory(Optional<String> bearerToken) {
        return describeFromMemory(PresentedAccessToken.bearer(bearerToken));
    }
}
