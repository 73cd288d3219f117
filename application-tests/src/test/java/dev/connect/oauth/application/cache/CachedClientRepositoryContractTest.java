package dev.connect.oauth.application.cache;

import dev.connect.oauth.adapter.memory.InMemoryPorts;
import dev.connect.oauth.application.port.out.ClientRepository;
import dev.connect.oauth.application.port.out.StorePorts;
import dev.connect.oauth.testkit.contract.ClientRepositoryContract;
import java.time.Duration;

/** The cache keeps the promise of {@link dev.connect.oauth.application.port.out.ClientRepository} on one node. */
class CachedClientRepositoryContractTest extends ClientRepositoryContract {
    @Override
    protected StorePorts openStore() {
        StorePorts ports = InMemoryPorts.create();
        return ports.with(ClientRepository.class,
                new CachedClientRepository(ports.clients(), Duration.ofMinutes(1), 100));
    }
}
