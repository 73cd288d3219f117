package dev.connect.oauth.application.port.in;

import dev.connect.oauth.domain.Client;
import java.util.List;

/** Admin only: every registered client (secrets are never shown). */
public interface ListClientsUseCase {
    List<Client> list(Principal caller);
}
