package dev.connect.oauth.adapter.persistence;

import java.time.Duration;
import java.util.Objects;

/**
 * What {@link PersistenceAdapter#open} did to the schema at this start, for the start-up log and
 * for tests of many nodes starting at once.
 *
 * @param applied   how many migrations this node applied: 0 when the schema was already current
 *                  or another node migrated it while this one waited
 * @param recovered whether this node first cleared what a cut migration had left behind (a failed
 *                  history row, empty tables it had created)
 * @param waited    how long this node waited for another node's migration lease
 */
public record SchemaMigration(int applied, boolean recovered, Duration waited) {
    /** The schema was current: nothing applied, nothing waited for. */
    static final SchemaMigration CURRENT = new SchemaMigration(0, false, Duration.ZERO);

    public SchemaMigration {
        Objects.requireNonNull(waited, "waited");
        if (applied < 0) {
            throw new IllegalArgumentException("applied must not be negative");
        }
    }
}
