package dev.connect.oauth.application.fake;

import dev.connect.oauth.application.port.out.GrantRepositoryContract;
import dev.connect.oauth.application.port.out.StorePorts;

class InMemoryGrantRepositoryTest extends GrantRepositoryContract {
    @Override
    protected StorePorts openStore() {
        return InMemoryPorts.create();
    }
}
