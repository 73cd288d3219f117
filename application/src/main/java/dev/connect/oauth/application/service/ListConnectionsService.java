package dev.connect.oauth.application.service;

import dev.connect.oauth.application.port.in.Connection;
import dev.connect.oauth.application.port.in.ListConnectionsUseCase;
import dev.connect.oauth.application.port.in.Principal;
import dev.connect.oauth.application.port.out.ClientRepository;
import dev.connect.oauth.application.port.out.GrantRepository;
import dev.connect.oauth.domain.ClientId;
import dev.connect.oauth.domain.Grant;
import dev.connect.oauth.domain.Scope;
import dev.connect.oauth.domain.ScopeSet;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * {@code GET /api/v1/accounts/me/connections} (API.md §4): one entry per client the caller has
 * authorised, with the union of its active grants' scopes since the first of them. Grants of a
 * client removed meanwhile are left out (its tokens died with it).
 */
public final class ListConnectionsService implements ListConnectionsUseCase {
    private final GrantRepository grants;
    private final ClientRepository clients;

    @Inject
    public ListConnectionsService(GrantRepository grants, ClientRepository clients) {
        this.grants = Objects.requireNonNull(grants, "grants");
        this.clients = Objects.requireNonNull(clients, "clients");
    }

    @Override
    public List<Connection> list(Principal caller) {
        Map<ClientId, List<Grant>> byClient = new LinkedHashMap<>();
        for (Grant grant : grants.findActiveByAccount(caller.account().id())) {
            byClient.computeIfAbsent(grant.clientId(), id -> new ArrayList<>()).add(grant);
        }
        List<Connection> connections = new ArrayList<>();
        byClient.forEach((clientId, clientGrants) -> clients.findById(clientId).ifPresent(client -> {
            TreeSet<Scope> scopes = new TreeSet<>();
            clientGrants.forEach(grant -> scopes.addAll(grant.scopes().scopes()));
            Instant since = clientGrants.stream().map(Grant::createdAt).min(Instant::compareTo).orElseThrow();
            connections.add(new Connection(clientId, client.name(), ScopeSet.of(scopes), since));
        }));
        return List.copyOf(connections);
    }
}
