package dev.connect.oauth.application.fake;

import dev.connect.oauth.application.port.out.MaintenanceSwitchStoreContract;
import dev.connect.oauth.application.port.out.StorePorts;

class InMemoryMaintenanceSwitchStoreTest extends MaintenanceSwitchStoreContract {
    @Override
    protected StorePorts openStore() {
        return InMemoryPorts.create();
    }
}
