package dev.connect.oauth.adapter.memory;

import dev.connect.oauth.application.port.out.StorePorts;
import dev.connect.oauth.testkit.contract.PushedRequestStoreContract;

class InMemoryPushedRequestStoreTest extends PushedRequestStoreContract {
    @Override
    protected StorePorts openStore() {
        return InMemoryPorts.create();
    }
}
