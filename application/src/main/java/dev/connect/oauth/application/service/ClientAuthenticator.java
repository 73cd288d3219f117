package dev.connect.oauth.application.service;

import dev.connect.oauth.application.port.in.ClientCredentials;
import dev.connect.oauth.application.port.out.ClientRepository;
import dev.connect.oauth.application.port.out.SecretHasher;
import dev.connect.oauth.domain.Client;
import dev.connect.oauth.domain.ErrorCode;
import dev.connect.oauth.domain.SecretHash;
import java.util.Objects;
import java.util.Optional;

/**
 * Client authentication at the token, revocation and introspection endpoints (RFC 6749 §2.3.1,
 * §3.2.1). A confidential client must present its secret; a public client must present none
 * (a secret it cannot keep proves nothing). Every failure gives the same answer, and an unknown
 * client costs the same hash comparison as a wrong secret, so neither the message nor the time
 * tells which client ids exist.
 */
final class ClientAuthenticator {
    /** Compared against when no client has the id, to spend what a real comparison spends. */
    private static final SecretHash NO_CLIENT = new SecretHash("0".repeat(64));

    private final ClientRepository clients;
    private final SecretHasher hasher;

    ClientAuthenticator(ClientRepository clients, SecretHasher hasher) {
        this.clients = Objects.requireNonNull(clients, "clients");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
    }

    /** The authenticated client, or {@code invalid_client}. */
    Client authenticate(ClientCredentials credentials) {
        Optional<String> secret = credentials.secret().filter(value -> !value.isEmpty());
        Optional<Client> found = ClientIds.parse(credentials.clientId()).flatMap(clients::findById);
        if (found.isEmpty()) {
            secret.ifPresent(value -> hasher.matches(value, NO_CLIENT));
            throw ErrorCode.INVALID_CLIENT.exception();
        }
        Client client = found.get();
        boolean authenticated = switch (client.type()) {
            case PUBLIC -> secret.isEmpty();
            case CONFIDENTIAL -> secret.isPresent() && hasher.matches(secret.get(), client.secretHash().orElseThrow());
        };
        if (!authenticated) {
            throw ErrorCode.INVALID_CLIENT.exception();
        }
        return client;
    }
}
