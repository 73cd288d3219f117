package dev.connect.oauth.application.port.in;

import dev.connect.oauth.domain.Client;

/** Admin only: one registered client. */
public interface GetClientUseCase {
    /** @throws dev.connect.oauth.domain.OAuthException {@code not_found} for an unknown id */
    Client get(Principal caller, String clientId);
}
