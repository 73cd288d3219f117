package dev.connect.oauth.adapter.persistence;

/** The port contract suite on an in-memory H2 database in MySQL mode, the embedded default's engine. */
class H2DatabaseSuiteTest extends DatabaseSuite {
    @Override
    TestDatabase createDatabase() {
        return new H2TestDatabase();
    }
}
