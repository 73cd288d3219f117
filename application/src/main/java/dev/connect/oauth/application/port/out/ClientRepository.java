package dev.connect.oauth.application.port.out;

import dev.connect.oauth.domain.Client;
import dev.connect.oauth.domain.ClientId;
import dev.connect.oauth.domain.SealedSecret;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Registered clients. Each call is atomic on its own.
 */
public interface ClientRepository {
    /** Stores a new client; its id is fresh (generated), so no conflict is expected. */
    void add(Client client);

    /** Replaces a stored client (secret rotation); returns whether it existed. */
    boolean update(Client client);

    Optional<Client> findById(ClientId id);

    /**
     * Replaces the sealed secret of a {@code client_secret_jwt} client, if it is still
     * {@code expected} (compare-and-set: a rotation in between wins); returns whether it was replaced.
     * Used to seal secrets again under a new key-encryption key.
     */
    boolean replaceSealedSecret(ClientId id, SealedSecret expected, SealedSecret replacement);

    /** Every client, oldest first. */
    List<Client> findAll();

    /**
     * Removes the client and revokes every grant it holds at {@code at}, so its codes and tokens
     * stop working at once on every node; returns whether it existed. Grants revoked earlier keep
     * their first revocation time.
     */
    boolean remove(ClientId id, Instant at);
}
