package dev.connect.oauth.application.fake;

import dev.connect.oauth.application.port.out.TokenRepositoryContract;
import dev.connect.oauth.application.port.out.StorePorts;

class InMemoryTokenRepositoryTest extends TokenRepositoryContract {
    @Override
    protected StorePorts openStore() {
        return InMemoryPorts.create();
    }
}
