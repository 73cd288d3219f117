package dev.connect.oauth.adapter.persistence;

import java.util.List;

/**
 * The schema migration suite on the Galera cluster at 127.0.0.1:3311–3313, each node attached to
 * another Galera node: the lease, the waiting and the recovery of a cut migration must hold across
 * Galera nodes, where MySQL's {@code GET_LOCK} (Flyway's lock) does not.
 */
class GaleraSchemaMigrationsTest extends SchemaMigrationsSuite {
    @Override
    List<Integer> nodePorts() {
        return List.of(3311, 3312, 3313);
    }

    @Override
    String howToStart() {
        return "`bash .ci/galera start`";
    }

    /** A Galera node applies the others' commits a moment later; this makes a read wait for them. */
    @Override
    String causalReads() {
        return "?sessionVariables=wsrep_sync_wait=1";
    }
}
