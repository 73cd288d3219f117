package dev.connect.oauth.bootstrap;

import dagger.BindsInstance;
import dagger.Component;
import dev.connect.oauth.adapter.crypto.PairwiseKeys;
import dev.connect.oauth.adapter.crypto.SealedClientSecrets;
import dev.connect.oauth.adapter.crypto.SigningKeys;
import dev.connect.oauth.adapter.http.HttpAdapter;
import dev.connect.oauth.adapter.persistence.PersistenceAdapter;
import dev.connect.oauth.application.port.in.BootstrapAdminUseCase;
import dev.connect.oauth.application.port.in.PurgeShortLivedRecordsUseCase;
import dev.connect.oauth.application.port.in.PurgeExpiredDataUseCase;
import dev.connect.oauth.application.port.in.RefreshMaintenanceUseCase;
import dev.connect.oauth.application.port.in.RefreshRevocationsUseCase;
import dev.connect.oauth.application.port.out.ClientRepository;
import jakarta.inject.Singleton;
import java.util.Optional;

/** The composition root: every port bound to an adapter, every in-port to its service. */
@Singleton
@Component(modules = {CoreModule.class, PersistenceModule.class, CryptoModule.class, UseCaseModule.class,
        HttpModule.class})
interface ServerComponent {
    HttpAdapter http();

    /** The database, unless every store port was replaced. */
    Optional<PersistenceAdapter> persistence();

    SigningKeys signingKeys();

    PairwiseKeys pairwiseKeys();

    /** The sealed secrets of {@code client_secret_jwt} clients, for {@code rewrap-keys}. */
    SealedClientSecrets clientSecrets();

    ClientRepository clients();

    BootstrapAdminUseCase bootstrapAdmin();

    RefreshMaintenanceUseCase refreshMaintenance();

    RefreshRevocationsUseCase refreshRevocations();

    PurgeShortLivedRecordsUseCase purgeShortLivedRecords();

    PurgeExpiredDataUseCase purgeExpiredData();

    Telemetry telemetry();

    @Component.Factory
    interface Factory {
        ServerComponent create(@BindsInstance ServerConfig config, @BindsInstance Telemetry telemetry,
                               @BindsInstance PortOverrides overrides);
    }
}
