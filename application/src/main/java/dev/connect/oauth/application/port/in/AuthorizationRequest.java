package dev.connect.oauth.application.port.in;

/**
 * The parameters of an authorization request as received; {@code null} means absent.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-4.1.1">RFC 6749 §4.1.1</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7636#section-4.3">RFC 7636 §4.3</a>
 */
public record AuthorizationRequest(String responseType, String clientId, String redirectUri, String scope,
                                   String state, String codeChallenge, String codeChallengeMethod) {
}
