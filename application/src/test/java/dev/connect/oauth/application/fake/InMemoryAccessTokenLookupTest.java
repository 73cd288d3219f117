package dev.connect.oauth.application.fake;

import dev.connect.oauth.application.port.out.AccessTokenLookupContract;
import dev.connect.oauth.application.port.out.StorePorts;

class InMemoryAccessTokenLookupTest extends AccessTokenLookupContract {
    @Override
    protected StorePorts openStore() {
        return InMemoryPorts.create();
    }
}
