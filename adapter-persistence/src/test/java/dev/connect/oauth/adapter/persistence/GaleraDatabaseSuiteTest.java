package dev.connect.oauth.adapter.persistence;

/**
 * The port contract suite on a multi-primary MariaDB Galera cluster, with the two-node races run
 * through two different cluster nodes (3311 and 3312), where every race between them is decided by
 * certification (required when {@code CI=true}, skipped with a message elsewhere).
 */
class GaleraDatabaseSuiteTest extends DatabaseSuite {
    @Override
    TestDatabase createDatabase() {
        return GaleraTestDatabase.create();
    }
}
