package dev.connect.oauth.application.fake;

import dev.connect.oauth.application.port.out.StorePorts;
import dev.connect.oauth.application.port.out.StorePurgeContract;

class InMemoryStorePurgeTest extends StorePurgeContract {
    @Override
    protected StorePorts openStore() {
        return InMemoryPorts.create();
    }
}
