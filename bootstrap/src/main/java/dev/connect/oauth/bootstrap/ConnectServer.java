package dev.connect.oauth.bootstrap;

import dev.connect.oauth.adapter.persistence.SchemaMigration;
import dev.connect.oauth.application.port.in.BootstrapAdminCommand;
import dev.connect.oauth.application.port.in.CreatedAccount;
import dev.connect.oauth.adapter.crypto.KeyEncryptionException;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A running server: the object graph, one Vert.x instance, the HTTP listener, the background
 * refresh of the shared state and the scheduled purge of expired data. {@link #close()} stops the
 * purge, stops taking connections, lets in-flight requests finish, then stops the refresh and
 * closes the database pool.
 */
public final class ConnectServer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(ConnectServer.class.getName());
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final ServerComponent component;
    private final Vertx vertx;
    private final SharedStateRefresh sharedState;
    private final int port;
    private final int adminPort;
    private final Optional<CreatedAccount> bootstrappedAdmin;
    private final PurgeSchedule purge;

    private ConnectServer(ServerComponent component, Vertx vertx, SharedStateRefresh sharedState, int port,
                          int adminPort, Optional<CreatedAccount> admin, PurgeSchedule purge) {
        this.component = component;
        this.vertx = vertx;
        this.sharedState = sharedState;
        this.port = port;
        this.adminPort = adminPort;
        this.bootstrappedAdmin = admin;
        this.purge = purge;
    }

    /**
     * Opens (and migrates) the database, checks that the key-encryption key opens the stored
     * signing keys (sealing any stored in clear), creates the first admin when the configuration
     * names one and no admin exists yet, and listens. Any number of nodes may start at once on one
     * database: one migrates while the others wait, and those that lose the race for the same
     * first admin start without creating it.
     *
     * @throws ConfigException when the key-encryption key does not open the stored signing keys
     */
    public static ConnectServer start(ServerConfig config) throws Exception {
        Objects.requireNonNull(config, "config");
        return start(config, Telemetry.start(config.observability()));
    }

    /** Starts with the given metrics registry and tracing, which {@link #close()} closes. */
    static ConnectServer start(ServerConfig config, Telemetry telemetry) throws Exception {
        ServerComponent component = components(config, telemetry);
        component.persistence();
        try {
            checkSigningKeys(component);
        } catch (RuntimeException e) {
            component.persistence().close();
            throw e;
        }
        Optional<CreatedAccount> admin = config.bootstrapAdmin().flatMap(first -> component.bootstrapAdmin()
                .bootstrap(new BootstrapAdminCommand(first.email(), "Administrator", Optional.of(first.apiKey()), true)));
        SharedStateRefresh sharedState = new SharedStateRefresh(component.refreshMaintenance(),
                component.purgeAttemptCounts(), config.maintenanceRefresh(), component.refreshRevocations(),
                config.tokenCache().pollInterval());
        // Vert.x's own meters (event loops, connections, bytes, pools) join the server's registry.
        Vertx vertx = Vertx.builder()
                .with(new VertxOptions().setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true)))
                .withMetrics(new MicrometerMetricsFactory(component.telemetry().meters()))
                .build();
        try {
            int port = component.http().listen(vertx, config.httpHost(), config.httpPort())
                    .toCompletionStage().toCompletableFuture().get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            int adminPort = component.http().listenAdmin(vertx, config.adminHost(), config.adminPort())
                    .toCompletionStage().toCompletableFuture().get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            PurgeSchedule purge = PurgeSchedule.start(component.purgeExpiredData(), config.purgeInterval(),
                    config.auditRetention());
            return new ConnectServer(component, vertx, sharedState, port, adminPort, admin, purge);
        } catch (Exception e) {
            vertx.close();
            sharedState.close();
            component.persistence().close();
            component.telemetry().close();
            throw e;
        }
    }

    /** The port bound: the configured one, or the one the system chose for port 0. */
    public int port() {
        return port;
    }

    /** The port of the admin listener (metrics and health): the configured one, or the one chosen for 0. */
    public int adminPort() {
        return adminPort;
    }

    /**
     * What opening the database did to the schema at this start: migrated it, waited while
     * another node migrated it, or found it current.
     */
    public SchemaMigration schemaMigration() {
        return component.persistence().schemaMigration();
    }

    /** The admin created from the environment at this start, if any. */
    public Optional<CreatedAccount> bootstrappedAdmin() {
        return bootstrappedAdmin;
    }

    @Override
    public void close() throws Exception {
        purge.close();
        try {
            component.http().close().toCompletionStage().toCompletableFuture().get();
            vertx.close().toCompletionStage().toCompletableFuture().get();
        } finally {
            sharedState.close();
            try {
                component.persistence().close();
            } finally {
                component.telemetry().close();
            }
        }
    }

    /**
     * Refuses to go on with a key-encryption key that does not open the stored signing keys, and
     * seals the keys a release before encryption at rest stored in clear.
     */
    static void checkSigningKeys(ServerComponent component) {
        try {
            int sealed = component.signingKeys().checkStoredKeys();
            if (sealed > 0) {
                LOG.log(Level.INFO, "Sealed {0} signing key(s) stored in clear with the key-encryption key", sealed);
            }
        } catch (KeyEncryptionException e) {
            throw new ConfigException("CONNECT_KEK does not open the stored signing keys (wrong key-encryption key?): "
                    + e.getMessage());
        }
    }

    /** The object graph, for the CLI commands that need no listener; logging follows the configuration from here on. */
    static ServerComponent components(ServerConfig config) {
        return components(config, Telemetry.start(config.observability()));
    }

    private static ServerComponent components(ServerConfig config, Telemetry telemetry) {
        LogOutput.use(config.observability().logFormat());
        return DaggerServerComponent.factory().create(config, telemetry);
    }
}
