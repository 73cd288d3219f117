package dev.connect.oauth.application.fake;

import dev.connect.oauth.application.port.out.AuthorizationCodeStoreContract;
import dev.connect.oauth.application.port.out.StorePorts;

class InMemoryAuthorizationCodeStoreTest extends AuthorizationCodeStoreContract {
    @Override
    protected StorePorts openStore() {
        return InMemoryPorts.create();
    }
}
