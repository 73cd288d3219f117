package dev.connect.oauth.bootstrap;

import dagger.Module;
import dagger.Provides;
import dev.connect.oauth.adapter.persistence.DatabaseSettings;
import dev.connect.oauth.adapter.persistence.PersistenceAdapter;
import dev.connect.oauth.adapter.persistence.PersistenceTelemetry;
import dev.connect.oauth.application.port.out.AccessTokenLookup;
import dev.connect.oauth.application.port.out.AccountRepository;
import dev.connect.oauth.application.port.out.ApiKeyRepository;
import dev.connect.oauth.application.port.out.AttemptCounterStore;
import dev.connect.oauth.application.port.out.AuditLog;
import dev.connect.oauth.application.port.out.AuthorizationCodeStore;
import dev.connect.oauth.application.port.out.ClientRepository;
import dev.connect.oauth.application.port.out.GrantRepository;
import dev.connect.oauth.application.port.out.MaintenanceSwitchStore;
import dev.connect.oauth.application.port.out.SessionRepository;
import dev.connect.oauth.application.port.out.SigningKeyRepository;
import dev.connect.oauth.application.port.out.StoreHealth;
import dev.connect.oauth.application.port.out.StorePurge;
import dev.connect.oauth.application.port.out.TokenRepository;
import dev.connect.oauth.application.service.RevocationAwareGrantRepository;
import dev.connect.oauth.application.service.TokenCheckCache;
import jakarta.inject.Singleton;

/** Every store port, from one database: MySQL when {@code CONNECT_DB_URL} is set, else embedded H2. */
@Module
interface PersistenceModule {
    @Provides
    @Singleton
    static PersistenceAdapter persistence(ServerConfig config, Telemetry telemetry) {
        DatabaseSettings settings = config.database()
                .map(db -> DatabaseSettings.of(db.url(), db.user(), db.password()))
                .orElseGet(() -> DatabaseSettings.embedded(config.dataDir()));
        return PersistenceAdapter.open(new DatabaseSettings(settings.jdbcUrl(), settings.user(), settings.password(),
                config.dbPoolSize(), settings.connectionTimeout(), config.dbSocketTimeout(), config.dbMigrationWait()),
                new PersistenceTelemetry(telemetry.meters(),
                        telemetry.openTelemetry().getTracer("dev.connect.oauth.adapter.persistence")));
    }

    @Provides
    static ClientRepository clients(PersistenceAdapter persistence) {
        return persistence.clients();
    }

    @Provides
    static AccountRepository accounts(PersistenceAdapter persistence) {
        return persistence.accounts();
    }

    @Provides
    static ApiKeyRepository apiKeys(PersistenceAdapter persistence) {
        return persistence.apiKeys();
    }

    @Provides
    static GrantRepository grants(PersistenceAdapter persistence, TokenCheckCache checks) {
        return new RevocationAwareGrantRepository(persistence.grants(), checks);
    }

    @Provides
    static AuthorizationCodeStore codes(PersistenceAdapter persistence) {
        return persistence.authorizationCodes();
    }

    @Provides
    static TokenRepository tokens(PersistenceAdapter persistence) {
        return persistence.tokens();
    }

    @Provides
    static AccessTokenLookup accessTokenLookup(PersistenceAdapter persistence) {
        return persistence.accessTokenLookup();
    }

    @Provides
    static SessionRepository sessions(PersistenceAdapter persistence) {
        return persistence.sessions();
    }

    @Provides
    static SigningKeyRepository signingKeys(PersistenceAdapter persistence) {
        return persistence.signingKeys();
    }

    @Provides
    static AuditLog auditLog(PersistenceAdapter persistence) {
        return persistence.auditLog();
    }

    @Provides
    static StoreHealth health(PersistenceAdapter persistence) {
        return persistence.health();
    }

    @Provides
    static MaintenanceSwitchStore maintenance(PersistenceAdapter persistence) {
        return persistence.maintenance();
    }

    @Provides
    static AttemptCounterStore attempts(PersistenceAdapter persistence) {
        return persistence.attempts();
    }

    @Provides
    static StorePurge purge(PersistenceAdapter persistence) {
        return persistence.purge();
    }
}
