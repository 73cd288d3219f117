package dev.connect.oauth.application.port.in;

/** Admin only: removes a client; its codes and tokens stop working at once. */
public interface DeleteClientUseCase {
    /** @throws dev.connect.oauth.domain.OAuthException {@code not_found} for an unknown id */
    void delete(Principal caller, String clientId);
}
