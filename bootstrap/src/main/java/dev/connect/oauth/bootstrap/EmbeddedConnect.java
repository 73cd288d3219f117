package dev.connect.oauth.bootstrap;

import dev.connect.oauth.adapter.crypto.KeyEncryptionException;
import dev.connect.oauth.adapter.http.HttpAdapter;
import dev.connect.oauth.adapter.persistence.PersistenceAdapter;
import dev.connect.oauth.adapter.persistence.SchemaMigration;
import dev.connect.oauth.application.port.in.BootstrapAdminCommand;
import dev.connect.oauth.application.port.in.CreatedAccount;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.lang.System.Logger.Level;
import java.util.Objects;
import java.util.Optional;

/**
 * The whole server but its listeners, for a host application that serves it from its own Vert.x
 * {@code HttpServer} ({@link ConnectAssembly#embed()}): the store opened (and migrated), the signing keys
 * checked, the first admin created when the configuration names one, the shared state refreshed and expired
 * data purged in the background. {@link #router(Vertx)} gives every route of API.md, to mount beside the host's
 * own routes. {@link #close()} stops the background work, releases the use-case threads and closes the store
 * and the telemetry; the host closes its own servers and its {@code Vertx} first.
 */
public final class EmbeddedConnect implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(EmbeddedConnect.class.getName());

    private final ServerComponent component;
    private final SharedStateRefresh sharedState;
    private final PurgeSchedule purge;
    private final Optional<CreatedAccount> bootstrappedAdmin;

    private EmbeddedConnect(ServerComponent component, SharedStateRefresh sharedState, PurgeSchedule purge,
                            Optional<CreatedAccount> bootstrappedAdmin) {
        this.component = component;
        this.sharedState = sharedState;
        this.purge = purge;
        this.bootstrappedAdmin = bootstrappedAdmin;
    }

    /**
     * Opens the object graph: any number of nodes may do so at once on one database (one migrates while the
     * others wait; those that lose the race for the same first admin go on without creating it).
     *
     * @throws ConfigException when the key-encryption key does not open the stored signing keys
     */
    static EmbeddedConnect open(ServerConfig config, Telemetry telemetry, PortOverrides overrides) {
        ServerComponent component = components(config, telemetry, overrides);
        try {
            checkSigningKeys(component);
            Optional<CreatedAccount> admin = config.bootstrapAdmin().flatMap(first -> component.bootstrapAdmin()
                    .bootstrap(new BootstrapAdminCommand(first.email(), "Administrator", Optional.of(first.apiKey()),
                            true)));
            SharedStateRefresh sharedState = new SharedStateRefresh(component.refreshMaintenance(),
                    component.purgeShortLivedRecords(), config.maintenanceRefresh(), component.refreshRevocations(),
                    config.tokenCache().pollInterval());
            PurgeSchedule purge = PurgeSchedule.start(component.purgeExpiredData(), config.purgeInterval(),
                    config.auditRetention());
            return new EmbeddedConnect(component, sharedState, purge, admin);
        } catch (RuntimeException e) {
            try {
                closeStore(component);
            } catch (RuntimeException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    /**
     * Every route of API.md (OAuth endpoints, pages, {@code /api/v1}, health) on a new router of {@code vertx}:
     * mount it with {@code hostRouter.route("/*").subRouter(router)} after the host's own routes. Its answers
     * carry the issuer of the configuration, so serve it where {@code CONNECT_ISSUER} points.
     */
    public Router router(Vertx vertx) {
        return component.http().router(Objects.requireNonNull(vertx, "vertx"));
    }

    /** The operator's routes ({@code /metrics}, health) for a listener the internet does not reach. */
    public Router adminRouter(Vertx vertx) {
        return component.http().adminRouter(Objects.requireNonNull(vertx, "vertx"));
    }

    /** The admin created from the configuration at this start, if any. */
    public Optional<CreatedAccount> bootstrappedAdmin() {
        return bootstrappedAdmin;
    }

    /** What opening the database did to the schema; empty when every store port was replaced. */
    public Optional<SchemaMigration> schemaMigration() {
        return component.persistence().map(PersistenceAdapter::schemaMigration);
    }

    HttpAdapter http() {
        return component.http();
    }

    Telemetry telemetry() {
        return component.telemetry();
    }

    @Override
    public void close() throws Exception {
        purge.close();
        try {
            component.http().close().toCompletionStage().toCompletableFuture().get();
        } finally {
            sharedState.close();
            closeStore(component);
        }
    }

    private static void closeStore(ServerComponent component) {
        try {
            component.persistence().ifPresent(PersistenceAdapter::close);
        } finally {
            component.telemetry().close();
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
        return components(config, Telemetry.start(config.observability()), PortOverrides.NONE);
    }

    private static ServerComponent components(ServerConfig config, Telemetry telemetry, PortOverrides overrides) {
        LogOutput.use(config.observability().logFormat());
        return DaggerServerComponent.factory().create(config, telemetry, overrides);
    }
}
