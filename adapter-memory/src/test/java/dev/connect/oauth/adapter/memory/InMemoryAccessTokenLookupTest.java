package dev.connect.oauth.adapter.memory;

import dev.connect.oauth.application.port.out.StorePorts;
import dev.connect.oauth.testkit.contract.AccessTokenLookupContract;

class InMemoryAccessTokenLookupTest extends AccessTokenLookupContract {
    @Override
    protected StorePorts openStore() {
        return InMemoryPorts.create();
    }
}
