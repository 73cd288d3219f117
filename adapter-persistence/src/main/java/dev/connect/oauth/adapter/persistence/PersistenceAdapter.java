package dev.connect.oauth.adapter.persistence;

import com.zaxxer.hikari.HikariDataSource;
import dev.connect.oauth.application.port.out.AccessTokenLookup;
import dev.connect.oauth.application.port.out.AccountRepository;
import dev.connect.oauth.application.port.out.ApiKeyRepository;
import dev.connect.oauth.application.port.out.AttemptCounterStore;
import dev.connect.oauth.application.port.out.AuditLog;
import dev.connect.oauth.application.port.out.AuthorizationCodeStore;
import dev.connect.oauth.application.port.out.DeviceAuthorizationStore;
import dev.connect.oauth.application.port.out.ClientRepository;
import dev.connect.oauth.application.port.out.GrantRepository;
import dev.connect.oauth.application.port.out.JtiStore;
import dev.connect.oauth.application.port.out.MaintenanceSwitchStore;
import dev.connect.oauth.application.port.out.PushedRequestStore;
import dev.connect.oauth.application.port.out.SessionRepository;
import dev.connect.oauth.application.port.out.SigningKeyRepository;
import dev.connect.oauth.application.port.out.StoreHealth;
import dev.connect.oauth.application.port.out.ServerSecretRepository;
import dev.connect.oauth.application.port.out.StorePurge;
import dev.connect.oauth.application.port.out.StoreUnavailableException;
import dev.connect.oauth.application.port.out.TokenRepository;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Tracer;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultConfiguration;
import org.jooq.tools.jdbc.JDBCUtils;

/**
 * The persistence adapter: every store out-port of the application on one database, MySQL 8 /
 * MariaDB 10.11+ shared by any number of nodes, or an embedded H2 file for a single node.
 *
 * <p>{@link #open} migrates the schema with Flyway, opens a HikariCP pool and hands out the ports;
 * {@link #close} closes the pool. The ports are thread-safe and keep the atomicity promises of
 * their Javadoc across nodes: single use and rotation are conditional updates, one row or none.
 * A database that cannot be reached, at {@code open} or later, surfaces as
 * {@link StoreUnavailableException} within the timeouts of the {@link DatabaseSettings}; the pool
 * reconnects by itself once the database is back.
 *
 * <p>Only hashes of secrets are stored: the ports take {@link dev.connect.oauth.domain.SecretHash}es
 * of codes, tokens, client secrets, API keys and session cookies, as RFC 6819 §5.1.4.1.3 advises.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6819#section-5.1.4.1.3">RFC 6819 §5.1.4.1.3</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-10.5">RFC 6749 §10.5</a>
 */
public final class PersistenceAdapter implements AutoCloseable {
    static {
        // jOOQ greets with a banner and tips in the log on first use; a server prints one line.
        setIfAbsent("org.jooq.no-logo", "true");
        setIfAbsent("org.jooq.no-tips", "true");
    }

    /** The most writes one group commit takes: a few round trips' worth of rows. */
    private static final int GROUP_COMMIT_MAX_BATCH = 64;
    /** How many writes may wait for a group commit: beyond, a caller waits for room as for a connection. */
    private static final int GROUP_COMMIT_QUEUE = 4096;

    /** The most lookups one statement of a {@link GroupLookup} answers; they wait in a queue as long as the writes'. */
    private static final int LOOKUP_MAX_BATCH = 64;

    private final HikariDataSource pool;
    private final GroupCommit writes;
    private final GroupLookups lookups;
    private final ClientRepository clients;
    private final AccountRepository accounts;
    private final ApiKeyRepository apiKeys;
    private final GrantRepository grants;
    private final AuthorizationCodeStore authorizationCodes;
    private final TokenRepository tokens;
    private final SessionRepository sessions;
    private final SigningKeyRepository signingKeys;
    private final AuditLog auditLog;
    private final StoreHealth health;
    private final AccessTokenLookup accessTokenLookup;
    private final SchemaMigration schemaMigration;
    private final MaintenanceSwitchStore maintenance;
    private final AttemptCounterStore attempts;
    private final JtiStore jtis;
    private final StorePurge purge;
    private final ServerSecretRepository serverSecrets;
    private final PushedRequestStore pushedRequests;
    private final DeviceAuthorizationStore deviceAuthorizations;

    private PersistenceAdapter(HikariDataSource pool, DSLContext dsl, SchemaMigration schemaMigration, int writers,
                               Duration enqueueTimeout, MeterRegistry meters) {
        this.pool = pool;
        this.schemaMigration = schemaMigration;
        JooqDatabase database = new JooqDatabase(dsl);
        this.writes = new GroupCommit(database, writers, GROUP_COMMIT_MAX_BATCH, GROUP_COMMIT_QUEUE, enqueueTimeout,
                meters);
        this.clients = new JooqClientRepository(database);
        this.accounts = new JooqAccountRepository(database);
        this.apiKeys = new JooqApiKeyRepository(database);
        this.grants = new JooqGrantRepository(database);
        this.lookups = new GroupLookups(database, LOOKUP_MAX_BATCH, GROUP_COMMIT_QUEUE, enqueueTimeout);
        this.authorizationCodes = new JooqAuthorizationCodeStore(database, writes, lookups);
        this.tokens = new JooqTokenRepository(database, writes, lookups);
        this.sessions = new JooqSessionRepository(database);
        this.signingKeys = new JooqSigningKeyRepository(database);
        this.auditLog = new JooqAuditLog(database);
        this.health = new JooqStoreHealth(database);
        this.accessTokenLookup = new JooqAccessTokenLookup(database);
        this.maintenance = new JooqMaintenanceSwitchStore(database);
        this.attempts = new JooqAttemptCounterStore(database);
        this.jtis = new JooqJtiStore(database);
        this.purge = new JooqStorePurge(database);
        this.serverSecrets = new JooqServerSecretRepository(database);
        this.pushedRequests = new JooqPushedRequestStore(database);
        this.deviceAuthorizations = new JooqDeviceAuthorizationStore(database, writes);
    }

    /**
     * Opens the pool, migrates the schema to the latest version and returns the adapter, which
     * keeps no meter and records no span. Any number of nodes may open one database at once (on
     * MySQL, MariaDB or Galera): exactly one migrates, the others wait for it, and a migration that
     * an earlier start cut halfway is cleared and run again; see {@link SchemaMigrations}.
     *
     * @throws StoreUnavailableException when the database cannot be reached within the timeouts
     * @throws IllegalStateException     when another node's migration outlasted
     *                                   {@link DatabaseSettings#migrationWait()}, or the schema
     *                                   holds what a cut migration left and cannot be cleared safely
     */
    public static PersistenceAdapter open(DatabaseSettings settings) {
        return open(settings, PersistenceTelemetry.none());
    }

    /**
     * Opens the pool with its meters in {@code telemetry}'s registry, migrates the schema to the
     * latest version and returns the adapter, whose statements are traced by {@code telemetry}'s tracer.
     *
     * @throws StoreUnavailableException when the database cannot be reached within the timeouts
     * @throws IllegalStateException     as {@link #open(DatabaseSettings)} says
     */
    public static PersistenceAdapter open(DatabaseSettings settings, PersistenceTelemetry telemetry) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(telemetry, "telemetry");
        HikariDataSource pool;
        try {
            pool = ConnectionPool.open(settings, telemetry.meters());
        } catch (RuntimeException e) {
            throw StoreFailures.translate(e);
        }
        try {
            SQLDialect dialect = dialectOf(pool);
            DSLContext dsl = DSL.using(new DefaultConfiguration().set(pool).set(dialect)
                    .set(new Settings().withExecuteLogging(false))
                    .set(new TracingExecuteListener(telemetry.tracer(), dialect)));
            return new PersistenceAdapter(pool, dsl, SchemaMigrations.migrate(settings, dsl), settings.groupCommitWriters(),
                    settings.connectionTimeout(), telemetry.meters());
        } catch (RuntimeException e) {
            pool.close();
            throw StoreFailures.translate(e);
        }
    }

    public ClientRepository clients() {
        return clients;
    }

    public AccountRepository accounts() {
        return accounts;
    }

    public ApiKeyRepository apiKeys() {
        return apiKeys;
    }

    public GrantRepository grants() {
        return grants;
    }

    public AuthorizationCodeStore authorizationCodes() {
        return authorizationCodes;
    }

    /** Device authorization requests (RFC 8628). */
    public DeviceAuthorizationStore deviceAuthorizations() {
        return deviceAuthorizations;
    }

    public TokenRepository tokens() {
        return tokens;
    }

    public SessionRepository sessions() {
        return sessions;
    }

    public SigningKeyRepository signingKeys() {
        return signingKeys;
    }

    public AuditLog auditLog() {
        return auditLog;
    }

    public StoreHealth health() {
        return health;
    }

    /** The access token with its account in one query: the lookup of {@code /info}. */
    public AccessTokenLookup accessTokenLookup() {
        return accessTokenLookup;
    }

    /** What {@link #open} did to the schema: migrated it, waited for another node, or found it current. */
    public SchemaMigration schemaMigration() {
        return schemaMigration;
    }

    /** The fleet's maintenance switch. */
    public MaintenanceSwitchStore maintenance() {
        return maintenance;
    }

    /** The failed-attempt counters of the abuse limits. */
    public AttemptCounterStore attempts() {
        return attempts;
    }

    /** The JWT ids already used, for replay checks. */
    public JtiStore jtis() {
        return jtis;
    }

    /** Pushed authorization requests (RFC 9126), each taken at most once. */
    public PushedRequestStore pushedRequests() {
        return pushedRequests;
    }

    /** Bounded deletes of expired rows, for the scheduled purge. */
    public StorePurge purge() {
        return purge;
    }

    /** The server's own shared secrets (the pairwise subject key), sealed by the crypto adapter. */
    public ServerSecretRepository serverSecrets() {
        return serverSecrets;
    }

    /** Stops the group commit and closes the pool; calls made afterwards fail. */
    @Override
    public void close() {
        lookups.close();
        writes.close();
        pool.close();
    }

    /** MySQL, MariaDB or H2, as the server itself reports: jOOQ renders each one's own SQL. */
    private static SQLDialect dialectOf(HikariDataSource pool) {
        try (Connection connection = pool.getConnection()) {
            return JDBCUtils.dialect(connection);
        } catch (SQLException e) {
            throw new StoreUnavailableException("The database is unavailable", e);
        }
    }

    private static void setIfAbsent(String property, String value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }
}
