package dev.connect.oauth.application.service;

import dev.connect.oauth.application.port.in.ListClientsUseCase;
import dev.connect.oauth.application.port.in.Principal;
import dev.connect.oauth.application.port.out.ClientRepository;
import dev.connect.oauth.domain.Client;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Objects;

/** {@code GET /api/v1/clients} (API.md §4), admin only: every client, oldest first. */
public final class ListClientsService implements ListClientsUseCase {
    private final ClientRepository clients;

    @Inject
    public ListClientsService(ClientRepository clients) {
        this.clients = Objects.requireNonNull(clients, "clients");
    }

    @Override
    public List<Client> list(Principal caller) {
        caller.requireAdmin();
        return clients.findAll();
    }
}
