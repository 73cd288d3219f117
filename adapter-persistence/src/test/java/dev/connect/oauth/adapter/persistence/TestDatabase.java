package dev.connect.oauth.adapter.persistence;

import dev.connect.oauth.application.port.out.StorePorts;

/**
 * A database created for one test class and dropped afterwards, on H2 or on the real MariaDB.
 */
interface TestDatabase extends AutoCloseable {
    /** How to reach the database. */
    DatabaseSettings settings();

    /**
     * How a second node reaches the same database: through another server of a multi-primary
     * cluster, or the same one.
     */
    default DatabaseSettings secondNodeSettings() {
        return settings();
    }

    /** The port of 127.0.0.1 the database server listens on, for a {@link TcpProxy} to forward to. */
    int serverPort();

    /** The JDBC URL of this same database reached through {@code 127.0.0.1:port}, such as a proxy. */
    String urlThrough(int port);

    /** Drops the database. */
    @Override
    void close();

    /** The ports of {@code adapter}, as the port contract suite takes them. */
    static StorePorts portsOf(PersistenceAdapter adapter) {
        return new StorePorts(adapter.clients(), adapter.accounts(), adapter.apiKeys(), adapter.grants(),
                adapter.authorizationCodes(), adapter.tokens(), adapter.sessions(), adapter.signingKeys(),
                adapter.auditLog(), adapter.health(), adapter.accessTokenLookup(), adapter.maintenance(), adapter.attempts(),
                adapter.jtis(), adapter.purge(), adapter.pushedRequests(), adapter.deviceAuthorizations());
    }
}
