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

    /**
     * The check every store makes of a name it is to add.
     *
     * @throws IllegalArgumentException when {@code name} is empty or longer than {@link #MAX_NAME_LENGTH}
     */
    static void requireValidName(String name) {
        if (name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("A secret's name has 1 to " + MAX_NAME_LENGTH + " characters");
        }
    }

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
