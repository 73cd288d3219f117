package dev.connect.oauth.application.fake;

import dev.connect.oauth.application.port.out.SigningKeyRepositoryContract;
import dev.connect.oauth.application.port.out.StorePorts;

class InMemorySigningKeyRepositoryTest extends SigningKeyRepositoryContract {
    @Override
    protected StorePorts openStore() {
        return InMemoryPorts.create();
    }
}
