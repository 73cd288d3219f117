package dev.connect.oauth.application.fake;

import dev.connect.oauth.application.port.out.SessionRepositoryContract;
import dev.connect.oauth.application.port.out.StorePorts;

class InMemorySessionRepositoryTest extends SessionRepositoryContract {
    @Override
    protected StorePorts openStore() {
        return InMemoryPorts.create();
    }
}
