package dev.connect.oauth.application.port.in;

/**
 * Token introspection for authenticated clients. A client learns only about its own tokens: any
 * other token is reported inactive.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7662">RFC 7662</a>
 */
public interface IntrospectTokenUseCase {
    /** @throws dev.connect.oauth.domain.OAuthException {@code invalid_client} for bad credentials */
    Introspection introspect(IntrospectTokenCommand command);
}
