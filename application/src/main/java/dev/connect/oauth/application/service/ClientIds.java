package dev.connect.oauth.application.service;

import dev.connect.oauth.application.port.out.ClientRepository;
import dev.connect.oauth.domain.Client;
import dev.connect.oauth.domain.ClientId;
import dev.connect.oauth.domain.ErrorCode;
import dev.connect.oauth.domain.OAuthException;
import java.util.Optional;

/**
 * Reads a {@code client_id} as received. A malformed id names no client, so each use case answers
 * it as it answers an unknown one (invalid_client, not_found, …) instead of leaking the syntax rule.
 */
final class ClientIds {
    private ClientIds() {
    }

    /** The id, or empty when malformed. */
    static Optional<ClientId> parse(String raw) {
        try {
            return Optional.of(ClientId.parse(raw));
        } catch (OAuthException malformed) {
            return Optional.empty();
        }
    }

    /** The registered client with this id, or {@code not_found} (admin API, API.md §4). */
    static Client requireRegistered(ClientRepository clients, String raw) {
        return parse(raw).flatMap(clients::findById).orElseThrow(ClientIds::notFound);
    }

    static OAuthException notFound() {
        return ErrorCode.NOT_FOUND.exception("No client has this id.");
    }
}
