package dev.connect.oauth.application.fake;

import dev.connect.oauth.application.port.out.AccountRepositoryContract;
import dev.connect.oauth.application.port.out.StorePorts;

class InMemoryAccountRepositoryTest extends AccountRepositoryContract {
    @Override
    protected StorePorts openStore() {
        return InMemoryPorts.create();
    }
}
