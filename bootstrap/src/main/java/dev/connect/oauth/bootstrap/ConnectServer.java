package dev.connect.oauth.bootstrap;

import dev.connect.oauth.adapter.persistence.SchemaMigration;
import dev.connect.oauth.application.port.in.BootstrapAdminCommand;
import dev.connect.oauth.application.port.in.CreatedAccount;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A running server: the object graph, one Vert.x instance, the HTTP listener and the background
 * refresh of the shared state. {@link #close()} stops taking connections, lets in-flight requests
 * finish, then stops the refresh and closes the database pool.
 */
public final class ConnectServer implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final ServerComponent component;
    private final Vertx vertx;
    private final SharedStateRefresh sharedState;
    private final int port;
    private final Optional<CreatedAccount> bootstrappedAdmin;

    private ConnectServer(ServerComponent component, Vertx vertx, SharedStateRefresh sharedState, int port,
                          Optional<CreatedAccount> admin) {
        this.component = component;
        this.vertx = vertx;
        this.sharedState = sharedState;
        this.port = port;
        this.bootstrappedAdmin = admin;
    }

    /**
     * Opens (and migrates) the database, creates the first admin when the configuration names one
     * and no admin exists yet, and listens. Any number of nodes may start at once on one database:
     * one migrates while the others wait, and those that lose the race for the same first admin
     * start without creating it.
     */
    public static ConnectServer start(ServerConfig config) throws Exception {
        Objects.requireNonNull(config, "config");
        return start(config, Telemetry.start(config.observability()));
    }

    /** Starts with the given metrics registry and tracing, which {@link #close()} closes. */
    static ConnectServer start(ServerConfig config, Telemetry telemetry) throws Exception {
        ServerComponent component = components(config, telemetry);
        component.persistence();
        Optional<CreatedAccount> admin = config.bootstrapAdmin().flatMap(first -> component.bootstrapAdmin()
                .bootstrap(new BootstrapAdminCommand(first.email(), "Administrator", Optional.of(first.apiKey()), true)));
        SharedStateRefresh sharedState = new SharedStateRefresh(component.refreshMaintenance(),
                component.purgeAttemptCounts(), config.maintenanceRefresh());
        // Vert.x's own meters (event loops, connections, bytes, pools) join the server's registry.
        Vertx vertx = Vertx.builder()
                .with(new VertxOptions().setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true)))
                .withMetrics(new MicrometerMetricsFactory(component.telemetry().meters()))
                .build();
        try {
            int port = component.http().listen(vertx, config.httpHost(), config.httpPort())
                    .toCompletionStage().toCompletableFuture().get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            return new ConnectServer(component, vertx, sharedState, port, admin);
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

    /** The object graph, for the CLI commands that need no listener; logging follows the configuration from here on. */
    static ServerComponent components(ServerConfig config) {
        return components(config, Telemetry.start(config.observability()));
    }

    private static ServerComponent components(ServerConfig config, Telemetry telemetry) {
        LogOutput.use(config.observability().logFormat());
        return DaggerServerComponent.factory().create(config, telemetry);
    }
}
