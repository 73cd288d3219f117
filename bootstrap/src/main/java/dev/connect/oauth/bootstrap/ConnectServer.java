package dev.connect.oauth.bootstrap;

import dev.connect.oauth.adapter.persistence.SchemaMigration;
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
 * A running server: the {@link EmbeddedConnect object graph and its background work}, one Vert.x instance, the
 * public and admin listeners. {@link #close()} stops taking connections, lets in-flight requests finish, then
 * stops the background work and closes the database pool. {@link ConnectAssembly} starts one with adapters
 * replaced.
 */
public final class ConnectServer implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final EmbeddedConnect embedded;
    private final Vertx vertx;
    private final int port;
    private final int adminPort;

    private ConnectServer(EmbeddedConnect embedded, Vertx vertx, int port, int adminPort) {
        this.embedded = embedded;
        this.vertx = vertx;
        this.port = port;
        this.adminPort = adminPort;
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
        return ConnectAssembly.of(config).start();
    }

    /** Starts with the given metrics registry and tracing, which {@link #close()} closes. */
    static ConnectServer start(ServerConfig config, Telemetry telemetry) throws Exception {
        return start(config, telemetry, PortOverrides.NONE);
    }

    static ConnectServer start(ServerConfig config, Telemetry telemetry, PortOverrides overrides) throws Exception {
        EmbeddedConnect embedded = EmbeddedConnect.open(config, telemetry, overrides);
        // Vert.x's own meters (event loops, connections, bytes, pools) join the server's registry.
        Vertx vertx = Vertx.builder()
                .with(new VertxOptions().setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true)))
                .withMetrics(new MicrometerMetricsFactory(embedded.telemetry().meters()))
                .build();
        try {
            int port = embedded.http().listen(vertx, config.httpHost(), config.httpPort())
                    .toCompletionStage().toCompletableFuture().get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            int adminPort = embedded.http().listenAdmin(vertx, config.adminHost(), config.adminPort())
                    .toCompletionStage().toCompletableFuture().get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            return new ConnectServer(embedded, vertx, port, adminPort);
        } catch (Exception e) {
            vertx.close();
            try {
                embedded.close();
            } catch (Exception closing) {
                e.addSuppressed(closing);
            }
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
     *
     * @throws IllegalStateException when every store port was replaced, so there is no database
     */
    public SchemaMigration schemaMigration() {
        return embedded.schemaMigration()
                .orElseThrow(() -> new IllegalStateException("No database: every store port was replaced"));
    }

    /** The admin created from the environment at this start, if any. */
    public Optional<CreatedAccount> bootstrappedAdmin() {
        return embedded.bootstrappedAdmin();
    }

    @Override
    public void close() throws Exception {
        try {
            embedded.http().close().toCompletionStage().toCompletableFuture().get();
            vertx.close().toCompletionStage().toCompletableFuture().get();
        } finally {
            embedded.close();
        }
    }
}
