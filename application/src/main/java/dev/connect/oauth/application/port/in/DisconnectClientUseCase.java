package dev.connect.oauth.application.port.in;

/** Withdraws the caller's consent to a client: every grant to it is revoked with its tokens. */
public interface DisconnectClientUseCase {
    /** @throws dev.connect.oauth.domain.OAuthException {@code not_found} when not connected */
    void disconnect(Principal caller, String clientId);
}
