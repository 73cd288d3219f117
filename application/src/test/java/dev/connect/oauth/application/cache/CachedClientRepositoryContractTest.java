package dev.connect.oauth.application.cache;

import dev.connect.oauth.application.fake.InMemoryPorts;
import dev.connect.oauth.application.port.out.ClientRepositoryContract;
import dev.connect.oauth.application.port.out.StorePorts;
import java.time.Duration;

/** The cache keeps the promise of {@link dev.connect.oauth.application.port.out.ClientRepository} on one node. */
class CachedClientRepositoryContractTest extends ClientRepositoryContract {
    @Override
    protected StorePorts openStore() {
        StorePorts ports = InMemoryPorts.create();
        return new StorePorts(new CachedClientRepository(ports.clients(), Duration.ofMinutes(1), 100),
                ports.accounts(), ports.apiKeys(), ports.grants(), ports.codes(), ports.tokens(), ports.sessions(),
                ports.signingKeys(), ports.audit(), ports.health(), ports.accessTokenLookup(), ports.maintenance(),
                ports.attempts(), ports.purge());
    }
}
