package dev.connect.oauth.application.port.in;

import dev.connect.oauth.domain.Client;

/**
 * The client configuration endpoint (RFC 7592 §2): whoever holds a client's registration access
 * token reads its registration, replaces its metadata or deletes it. A wrong token, or a client that
 * does not exist, is {@code invalid_token} alike.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7592#section-2">RFC 7592 §2</a>
 */
public interface ManageClientRegistrationUseCase {
    Client read(String clientId, String registrationAccessToken);

    /**
     * Replaces every metadata value (absent ones take their defaults); {@code presentedSecret}, when
     * the request carried one, must be the client's. A new secret is issued only when the client
     * moves to a secret method.
     */
    RegisteredClient update(String clientId, String registrationAccessToken, ClientMetadata metadata,
                            java.util.Optional<String> presentedSecret);

    void delete(String clientId, String registrationAccessToken);
}
