package dev.connect.oauth.application.port.in;

/**
 * Redeems an authorization code for tokens. A code redeemed a second time fails with
 * {@code invalid_grant} and revokes every token issued from it.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-4.1.3">RFC 6749 §4.1.3</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-10.5">RFC 6749 §10.5</a>
 */
public interface ExchangeCodeUseCase {
    TokenResponse exchange(ExchangeCodeCommand command);
}
