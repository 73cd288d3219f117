package dev.connect.oauth.application.fake;

import dev.connect.oauth.application.port.out.AttemptCounterStoreContract;
import dev.connect.oauth.application.port.out.StorePorts;

class InMemoryAttemptCounterStoreTest extends AttemptCounterStoreContract {
    @Override
    protected StorePorts openStore() {
        return InMemoryPorts.create();
    }
}
