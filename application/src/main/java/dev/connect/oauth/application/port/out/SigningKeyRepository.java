package dev.connect.oauth.application.port.out;

import java.time.Instant;
import java.util.List;

/** Token signing keys shared by every node. Each call is atomic on its own. */
public interface SigningKeyRepository {
    void add(SigningKey key);

    /** Every key, newest first. */
    List<SigningKey> findAll();

    /** Retires every key made before {@code createdBefore} that is not retired yet; returns how many. */
    int retireOlderThan(Instant createdBefore, Instant at);

    /** Deletes keys retired before {@code retiredBefore}: their tokens have all expired. */
    int deleteRetiredBefore(Instant retiredBefore);

    /**
     * Replaces the sealed private key of {@code kid} when it is still {@code expected} (a
     * compare-and-set: two nodes resealing at once cannot undo each other, and a key rotated away
     * meanwhile is left alone).
     *
     * @return whether it was replaced
     */
    boolean replaceSealedPrivateKey(String kid, String expected, String replacement);
}
