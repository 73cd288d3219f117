package dev.connect.oauth.application.port.in;

/** Admin only: registers a client. Scopes must come from the server's catalogue. */
public interface RegisterClientUseCase {
    RegisteredClient register(RegisterClientCommand command);
}
