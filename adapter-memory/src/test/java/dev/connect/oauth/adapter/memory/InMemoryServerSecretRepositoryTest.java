package dev.connect.oauth.adapter.memory;

import dev.connect.oauth.application.port.out.StorePorts;
import dev.connect.oauth.testkit.contract.ServerSecretRepositoryContract;

class InMemoryServerSecretRepositoryTest extends ServerSecretRepositoryContract {
    @Override
    protected StorePorts openStore() {
        return InMemoryPorts.create();
    }
}
