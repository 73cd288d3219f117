package dev.connect.oauth.application.port.in;

/**
 * Dynamic client registration (RFC 7591 §3): a caller holding an initial access token (an admin's
 * API key) registers a client with the same validation as the v1 API, and gets its registration
 * access token. Metadata errors are {@code invalid_client_metadata} or {@code invalid_redirect_uri}.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7591#section-3">RFC 7591 §3</a>
 */
public interface RegisterClientDynamicallyUseCase {
    RegisteredClient register(Principal initialAccess, ClientMetadata metadata);
}
