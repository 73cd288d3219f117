package dev.connect.oauth.bootstrap;

import dagger.Module;
import dagger.Provides;
import dev.connect.oauth.adapter.persistence.DatabaseSettings;
import dev.connect.oauth.adapter.persistence.PersistenceAdapter;
import dev.connect.oauth.adapter.persistence.PersistenceTelemetry;
import dev.connect.oauth.application.cache.CachedClientRepository;
import dev.connect.oauth.application.port.out.AccessTokenLookup;
import dev.connect.oauth.application.port.out.AccountRepository;
import dev.connect.oauth.application.port.out.ApiKeyRepository;
import dev.connect.oauth.application.port.out.AttemptCounterStore;
import dev.connect.oauth.application.port.out.AuditLog;
import dev.connect.oauth.application.port.out.AuthorizationCodeStore;
import dev.connect.oauth.application.port.out.ClientRepository;
import dev.connect.oauth.application.port.out.GrantRepository;
import dev.connect.oauth.application.port.out.JtiStore;
import dev.connect.oauth.application.port.out.MaintenanceSwitchStore;
import dev.connect.oauth.application.port.out.PushedRequestStore;
import dev.connect.oauth.application.port.out.SessionRepository;
import dev.connect.oauth.application.port.out.SigningKeyRepository;
import dev.connect.oauth.application.port.out.StoreHealth;
import dev.connect.oauth.application.port.out.StorePurge;
import dev.connect.oauth.application.port.out.DeviceAuthorizationStore;
import dev.connect.oauth.application.port.out.TokenRepository;
import dev.connect.oauth.application.service.RevocationAwareGrantRepository;
import dev.connect.oauth.application.service.TokenCheckCache;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.function.Function;

/**
 * Every store port, from one database (MySQL when {@code CONNECT_DB_URL} is set, else embedded H2), unless the
 * embedding replaced it ({@link PortOverrides}); the database is opened only when some store port still needs it.
 */
@Module
interface PersistenceModule {
    /** Clients kept by the cache at most; beyond, it starts over (see {@link CachedClientRepository}). */
    int CLIENT_CACHE_ENTRIES = 10_000;

    @Provides
    @Singleton
    static Optional<PersistenceAdapter> persistence(ServerConfig config, Telemetry telemetry, PortOverrides overrides) {
        if (overrides.coverEveryStorePort()) {
            return Optional.empty();
        }
        DatabaseSettings settings = config.database()
                .map(db -> DatabaseSettings.of(db.url(), db.user(), db.password()))
                .orElseGet(() -> DatabaseSettings.embedded(config.dataDir()));
        return Optional.of(PersistenceAdapter.open(new DatabaseSettings(settings.jdbcUrl(), settings.user(),
                settings.password(), config.dbPoolSize(), settings.connectionTimeout(), config.dbSocketTimeout(),
                config.dbMigrationWait()),
                new PersistenceTelemetry(telemetry.meters(),
                        telemetry.openTelemetry().getTracer("dev.connect.oauth.adapter.persistence"))));
    }

    /** The override of {@code port}, else the database's adapter of it. */
    private static <T> T port(Class<T> port, PortOverrides overrides, Optional<PersistenceAdapter> persistence,
                              Function<PersistenceAdapter, T> fromDatabase) {
        return overrides.get(port).orElseGet(() -> fromDatabase.apply(persistence.orElseThrow()));
    }

    /**
     * One cache for the whole server, so a change made through any service drops the client for
     * every other one at once; other nodes' changes are seen within {@code CONNECT_CLIENT_CACHE_MILLIS}.
     */
    @Provides
    @Singleton
    static ClientRepository clients(PortOverrides overrides, Optional<PersistenceAdapter> persistence,
                                    ServerConfig config) {
        return new CachedClientRepository(port(ClientRepository.class, overrides, persistence,
                PersistenceAdapter::clients), config.clientCacheTtl(), CLIENT_CACHE_ENTRIES);
    }

    @Provides
    static AccountRepository accounts(PortOverrides overrides, Optional<PersistenceAdapter> persistence) {
        return port(AccountRepository.class, overrides, persistence, PersistenceAdapter::accounts);
    }

    @Provides
    static ApiKeyRepository apiKeys(PortOverrides overrides, Optional<PersistenceAdapter> persistence) {
        return port(ApiKeyRepository.class, overrides, persistence, PersistenceAdapter::apiKeys);
    }

    @Provides
    static GrantRepository grants(PortOverrides overrides, Optional<PersistenceAdapter> persistence,
                                  TokenCheckCache checks) {
        return new RevocationAwareGrantRepository(port(GrantRepository.class, overrides, persistence,
                PersistenceAdapter::grants), checks);
    }

    @Provides
    static AuthorizationCodeStore codes(PortOverrides overrides, Optional<PersistenceAdapter> persistence) {
        return port(AuthorizationCodeStore.class, overrides, persistence, PersistenceAdapter::authorizationCodes);
    }

    @Provides
    static PushedRequestStore pushedRequests(PortOverrides overrides, Optional<PersistenceAdapter> persistence) {
        return port(PushedRequestStore.class, overrides, persistence, PersistenceAdapter::pushedRequests);
    }

    @Provides
    static DeviceAuthorizationStore deviceAuthorizations(PortOverrides overrides,
                                                         Optional<PersistenceAdapter> persistence) {
        return port(DeviceAuthorizationStore.class, overrides, persistence, PersistenceAdapter::deviceAuthorizations);
    }

    @Provides
    static TokenRepository tokens(PortOverrides overrides, Optional<PersistenceAdapter> persistence) {
        return port(TokenRepository.class, overrides, persistence, PersistenceAdapter::tokens);
    }

    @Provides
    static AccessTokenLookup accessTokenLookup(PortOverrides overrides, Optional<PersistenceAdapter> persistence) {
        return port(AccessTokenLookup.class, overrides, persistence, PersistenceAdapter::accessTokenLookup);
    }

    @Provides
    static SessionRepository sessions(PortOverrides overrides, Optional<PersistenceAdapter> persistence) {
        return port(SessionRepository.class, overrides, persistence, PersistenceAdapter::sessions);
    }

    @Provides
    static SigningKeyRepository signingKeys(PortOverrides overrides, Optional<PersistenceAdapter> persistence) {
        return port(SigningKeyRepository.class, overrides, persistence, PersistenceAdapter::signingKeys);
    }

    @Provides
    static AuditLog auditLog(PortOverrides overrides, Optional<PersistenceAdapter> persistence) {
        return port(AuditLog.class, overrides, persistence, PersistenceAdapter::auditLog);
    }

    @Provides
    static StoreHealth health(PortOverrides overrides, Optional<PersistenceAdapter> persistence) {
        return port(StoreHealth.class, overrides, persistence, PersistenceAdapter::health);
    }

    @Provides
    static MaintenanceSwitchStore maintenance(PortOverrides overrides, Optional<PersistenceAdapter> persistence) {
        return port(MaintenanceSwitchStore.class, overrides, persistence, PersistenceAdapter::maintenance);
    }

    @Provides
    static AttemptCounterStore attempts(PortOverrides overrides, Optional<PersistenceAdapter> persistence) {
        return port(AttemptCounterStore.class, overrides, persistence, PersistenceAdapter::attempts);
    }

    @Provides
    static JtiStore jtis(PortOverrides overrides, Optional<PersistenceAdapter> persistence) {
        return port(JtiStore.class, overrides, persistence, PersistenceAdapter::jtis);
    }

    @Provides
    static StorePurge purge(PortOverrides overrides, Optional<PersistenceAdapter> persistence) {
        return port(StorePurge.class, overrides, persistence, PersistenceAdapter::purge);
    }
}
