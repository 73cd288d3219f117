package dev.connect.oauth.application.port.out;

import java.time.Instant;
import java.util.Optional;

/**
 * Secrets of the server itself that every node must share (the key of pairwise subjects, OpenID
 * Connect Core §8.1), by name, as the crypto adapter sealed them: opaque text to the store. A
 * secret is made once, by whichever node needs it first, and never deleted. Each call is atomic on
 * its own; {@link #addIfAbsent} makes one secret win across all nodes sharing the store.
 */
public interface ServerSecretRepository {
    /** The longest name. */
    int MAX_NAME_LENGTH = 64;

    /** The sealed secret of {@code name}, when one was stored. */
    Optional<String> find(String name);

    /**
     * Stores {@code sealedValue} as {@code name} unless a secret of that name is stored already.
     *
     * @return the secret stored under {@code name} now: {@code sealedValue}, or the one another call stored first
     */
    String addIfAbsent(String name, String sealedValue, Instant at);

    /**
     * Replaces the secret of {@code name} when it is still {@code expected} (a compare-and-set, for
     * resealing under a new key-encryption key: two nodes at once cannot undo each other).
     *
     * @return whether it was replaced
     */
    boolean replace(String name, String expected, String replacement);
}
