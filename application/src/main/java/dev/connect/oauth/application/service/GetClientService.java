package dev.connect.oauth.application.service;

import dev.connect.oauth.application.port.in.GetClientUseCase;
import dev.connect.oauth.application.port.in.Principal;
import dev.connect.oauth.application.port.out.ClientRepository;
import dev.connect.oauth.domain.Client;
import jakarta.inject.Inject;
import java.util.Objects;

/** {@code GET /api/v1/clients/{id}} (API.md §4), admin only; an unknown or malformed id is {@code not_found}. */
public final class GetClientService implements GetClientUseCase {
    private final ClientRepository clients;

    @Inject
    public GetClientService(ClientRepository clients) {
        this.clients = Objects.requireNonNull(clients, "clients");
    }

    @Override
    public Client get(Principal caller, String clientId) {
        caller.requireAdmin();
        return ClientIds.requireRegistered(clients, clientId);
    }
}
