package dev.connect.oauth.application.port.in;

/**
 * Token revocation: succeeds for unknown tokens and for tokens of other clients (which are left
 * alone). Revoking a refresh token revokes its whole grant (RFC 7009 §2.1).
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7009">RFC 7009</a>
 */
public interface RevokeTokenUseCase {
    /** @throws dev.connect.oauth.domain.OAuthException {@code invalid_client} for bad credentials */
    void revoke(RevokeTokenCommand command);
}
