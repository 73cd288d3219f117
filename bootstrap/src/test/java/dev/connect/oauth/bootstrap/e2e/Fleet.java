package dev.connect.oauth.bootstrap.e2e;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Server nodes ({@link FleetNode} processes) sharing one database, for one test class, registered
 * as a JUnit extension: the database is created at the first start and dropped after the class;
 * every node is stopped after the class; when a test fails, the end of each node's log is printed;
 * the figures the tests report ({@link #figure}) are printed at once and again, together, at the end.
 *
 * <p>All nodes share the bootstrap admin (created by the first node, found by the others) and the
 * issuer, the address clients would know the fleet by behind a load balancer. The per-node token
 * rate limit is lifted: the tests send bounded load from one client on purpose.
 */
final class Fleet implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {
    private static final String ISSUER = "http://connect.fleet.test";
    private static final Path LOGS = Path.of(System.getProperty("fleet.logs", "target/fleet"));

    private final DatabaseFactory databases;
    private final String adminKey = E2eServer.newApiKey();
    private final Map<String, String> settings = new HashMap<>();
    private final List<FleetNode> nodes = new ArrayList<>();
    private final List<String> figures = new ArrayList<>();
    private SharedDatabase database;
    /** The folder of this class's node logs: {@code bootstrap/target/fleet/<test class>/<node>.log}. */
    private Path logDir;

    private Fleet(DatabaseFactory databases) {
        this.databases = databases;
    }

    @FunctionalInterface
    private interface DatabaseFactory {
        SharedDatabase create() throws Exception;
    }

    /** A fleet on the MariaDB at 127.0.0.1:3306. */
    static Fleet onMariaDb() {
        return new Fleet(() -> SharedDatabase.create(SharedDatabase.MARIADB_PORT));
    }

    /** A fleet on the Galera cluster (its database created through node 1). */
    static Fleet onGalera() {
        return new Fleet(GaleraCluster::createDatabase);
    }

    /** Sets a {@code CONNECT_*} variable for every node this fleet starts. */
    Fleet with(String variable, String value) {
        settings.put(variable, value);
        return this;
    }

    /**
     * Starts a node attached to the database through {@code ports} of 127.0.0.1, in order (a
     * server, a proxy, or several Galera nodes: a failover URL). Safe to call from several threads
     * once the first node has started (the first one migrates the schema).
     */
    FleetNode start(String name, int... ports) throws Exception {
        Map<String, String> environment = new HashMap<>(database().environment(ports));
        environment.put("CONNECT_ISSUER", ISSUER);
        environment.put("CONNECT_BOOTSTRAP_ADMIN_EMAIL", E2eServer.ADMIN_EMAIL);
        environment.put("CONNECT_BOOTSTRAP_ADMIN_API_KEY", adminKey);
        environment.put("CONNECT_TOKEN_RATE_LIMIT_PER_MINUTE", "10000000");
        environment.putAll(settings);
        FleetNode node = FleetNode.start(name, environment, adminKey, logDir);
        synchronized (nodes) {
            nodes.add(node);
        }
        return node;
    }

    /** Prints a line of figures now, and again in the summary after the class. */
    void figure(String line) {
        System.out.println(line);
        synchronized (figures) {
            figures.add(line);
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        logDir = LOGS.resolve(context.getRequiredTestClass().getSimpleName());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (context.getExecutionException().isPresent()) {
            System.out.println("FLEET " + context.getDisplayName() + " failed; the nodes' logs:");
            synchronized (nodes) {
                nodes.forEach(node -> System.out.println(node.logTail()));
            }
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        try {
            for (FleetNode node : nodes) {
                node.close();
            }
        } finally {
            if (database != null) {
                database.close();
            }
            System.out.println("FLEET summary of " + context.getDisplayName() + (figures.isEmpty() ? ": no figures" : ":"));
            figures.forEach(line -> System.out.println("  " + line));
        }
    }

    private synchronized SharedDatabase database() throws Exception {
        if (database == null) {
            database = databases.create();
        }
        return database;
    }
}
