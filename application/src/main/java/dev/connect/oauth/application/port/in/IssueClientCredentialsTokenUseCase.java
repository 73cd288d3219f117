package dev.connect.oauth.application.port.in;

/**
 * Issues an access token to a confidential client acting for itself; no refresh token.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-4.4">RFC 6749 §4.4</a>
 */
public interface IssueClientCredentialsTokenUseCase {
    TokenResponse issue(ClientCredentialsCommand command);
}
