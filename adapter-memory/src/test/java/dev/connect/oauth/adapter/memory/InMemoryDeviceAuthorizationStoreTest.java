package dev.connect.oauth.adapter.memory;

import dev.connect.oauth.application.port.out.StorePorts;
import dev.connect.oauth.testkit.contract.DeviceAuthorizationStoreContract;

class InMemoryDeviceAuthorizationStoreTest extends DeviceAuthorizationStoreContract {
    @Override
    protected StorePorts openStore() {
        return InMemoryPorts.create();
    }
}
