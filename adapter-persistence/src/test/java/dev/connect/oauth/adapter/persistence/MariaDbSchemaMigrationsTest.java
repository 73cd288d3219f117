package dev.connect.oauth.adapter.persistence;

import java.util.List;

/** The schema migration suite with three nodes on the MariaDB at 127.0.0.1:3306. */
class MariaDbSchemaMigrationsTest extends SchemaMigrationsSuite {
    @Override
    List<Integer> nodePorts() {
        return List.of(MariaDbTestDatabase.PORT, MariaDbTestDatabase.PORT, MariaDbTestDatabase.PORT);
    }

    @Override
    String howToStart() {
        return "`bash .ci/run` (CI_SKIP_BUILD=1 prepares the machine only)";
    }

    /** One server: every read is causal. */
    @Override
    String causalReads() {
        return "";
    }
}
