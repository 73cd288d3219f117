package dev.connect.oauth.application.port.out;

import dev.connect.oauth.domain.SecretHash;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/**
 * Counters of failed attempts (sign-ins, client authentications) in fixed windows, shared by every
 * node, so that a limit holds for the fleet rather than per node. Keys are hashes of what is
 * counted, so the store never holds an email or an address.
 *
 * <p>Atomicity: {@link #add} is one atomic step per key across every node (a conditional upsert of
 * one row, never read-then-write): concurrent adds all count, and exactly one of them starts a new
 * window. Each call costs one indexed row per key, however many attempts were counted.
 */
public interface AttemptCounterStore {
    /**
     * Counts one attempt for {@code key}. A key without a live window (none, or one that ended at or
     * before {@code at}) starts a window of {@code window} at {@code at} with one hit.
     *
     * @return the count after this attempt
     */
    AttemptCount add(SecretHash key, Instant at, Duration window);

    /** The live counts of those {@code keys} that have one at {@code at}; keys without are left out. */
    Map<SecretHash, AttemptCount> find(Collection<SecretHash> keys, Instant at);

    /** Forgets the count of {@code key}; nothing happens when it has none. */
    void remove(SecretHash key);

    /**
     * Deletes up to {@code limit} counts whose window ended before {@code at}, so that the store
     * stays as small as the live counts; safe to run on every node at once.
     *
     * @return how many were deleted
     */
    int purgeEnded(Instant at, int limit);
}
