package dev.connect.oauth.adapter.persistence;

/**
 * The port contract suite on the real MariaDB at 127.0.0.1:3306 through mysql-connector-j, in a
 * database of its own (required when {@code CI=true}, skipped with a message elsewhere).
 */
class MariaDbDatabaseSuiteTest extends DatabaseSuite {
    @Override
    TestDatabase createDatabase() {
        return MariaDbTestDatabase.create();
    }
}
