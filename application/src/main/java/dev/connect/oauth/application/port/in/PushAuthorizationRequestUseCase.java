package dev.connect.oauth.application.port.in;

/**
 * The pushed authorization request endpoint (RFC 9126 §2): an authenticated client sends the
 * parameters of an authorization request, which are checked as the authorization endpoint checks
 * them and kept behind a short-lived, single-use {@code request_uri}.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9126#section-2">RFC 9126 §2</a>
 */
public interface PushAuthorizationRequestUseCase {
    /**
     * @throws dev.connect.oauth.domain.OAuthException {@code invalid_client} when the client fails
     *         to authenticate; the error the authorization endpoint would give for the parameters
     *         ({@code invalid_request}, {@code invalid_scope}, …), never redirected (RFC 9126 §2.3)
     */
    PushedRequestUri push(PushAuthorizationRequestCommand command);
}
