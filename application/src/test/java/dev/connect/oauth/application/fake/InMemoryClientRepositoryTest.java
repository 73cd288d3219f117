package dev.connect.oauth.application.fake;

import dev.connect.oauth.application.port.out.ClientRepositoryContract;
import dev.connect.oauth.application.port.out.StorePorts;

class InMemoryClientRepositoryTest extends ClientRepositoryContract {
    @Override
    protected StorePorts openStore() {
        return InMemoryPorts.create();
    }
}
