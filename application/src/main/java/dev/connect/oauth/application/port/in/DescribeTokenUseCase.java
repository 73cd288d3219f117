package dev.connect.oauth.application.port.in;

import java.util.Optional;

/**
 * {@code /info}: the account behind a bearer access token, which must be active and carry the
 * {@code connect} scope.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6750#section-3.1">RFC 6750 §3.1</a>
 */
public interface DescribeTokenUseCase {
    /**
     * @param bearerToken the token from {@code Authorization: Bearer}, empty when absent
     * @throws dev.connect.oauth.domain.OAuthException {@code invalid_token} when missing, expired,
     *         revoked or not issued here; {@code insufficient_scope} without {@code connect}
     */
    TokenInfo describe(Optional<String> bearerToken);

    /**
     * What {@link #describe} answers, when this node can tell from memory alone: never blocks, so
     * it may run on an event loop. Empty when the answer needs the store (the token is not cached,
     * or missing); then call {@link #describe}.
     *
     * @throws dev.connect.oauth.domain.OAuthException as {@link #describe}, for a cached token
     */
    Optional<TokenInfo> describeFromMemory(Optional<String> bearerToken);
}
