package dev.connect.oauth.bootstrap;

import dev.connect.oauth.application.port.in.BootstrapAdminCommand;
import dev.connect.oauth.application.port.in.CreatedAccount;
import dev.connect.oauth.adapter.crypto.KeyEncryptionException;
import io.vertx.core.Vertx;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A running server: the object graph, one Vert.x instance, the HTTP listener and the scheduled
 * purge of expired data. {@link #close()} stops the purge, stops taking connections, lets
 * in-flight requests finish, then closes the database pool.
 */
public final class ConnectServer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(ConnectServer.class.getName());
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final ServerComponent component;
    private final Vertx vertx;
    private final int port;
    private final Optional<CreatedAccount> bootstrappedAdmin;
    private final PurgeSchedule purge;

    private ConnectServer(ServerComponent component, Vertx vertx, int port, Optional<CreatedAccount> admin,
                          PurgeSchedule purge) {
        this.component = component;
        this.vertx = vertx;
        this.port = port;
        this.bootstrappedAdmin = admin;
        this.purge = purge;
    }

    /**
     * Opens (and migrates) the database, checks that the key-encryption key opens the stored
     * signing keys (sealing any stored in clear), creates the first admin when the configuration
     * names one and no admin exists yet, and listens.
     *
     * @throws ConfigException when the key-encryption key does not open the stored signing keys
     */
    public static ConnectServer start(ServerConfig config) throws Exception {
        Objects.requireNonNull(config, "config");
        ServerComponent component = DaggerServerComponent.factory().create(config);
        component.persistence();
        try {
            checkSigningKeys(component);
        } catch (RuntimeException e) {
            component.persistence().close();
            throw e;
        }
        Optional<CreatedAccount> admin = config.bootstrapAdmin().flatMap(first -> component.bootstrapAdmin()
                .bootstrap(new BootstrapAdminCommand(first.email(), "Administrator", Optional.of(first.apiKey()), true)));
        Vertx vertx = Vertx.vertx();
        try {
            int port = component.http().listen(vertx, config.httpHost(), config.httpPort())
                    .toCompletionStage().toCompletableFuture().get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            PurgeSchedule purge = PurgeSchedule.start(component.purgeExpiredData(), config.purgeInterval(),
                    config.auditRetention());
            return new ConnectServer(component, vertx, port, admin, purge);
        } catch (Exception e) {
            vertx.close();
            component.persistence().close();
            throw e;
        }
    }

    /** The port bound: the configured one, or the one the system chose for port 0. */
    public int port() {
        return port;
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
            component.persistence().close();
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

    /** The object graph, for the CLI commands that need no listener. */
    static ServerComponent components(ServerConfig config) {
        return DaggerServerComponent.factory().create(config);
    }
}
