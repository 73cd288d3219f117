package dev.connect.oauth.application.fake;

import dev.connect.oauth.application.port.out.ApiKeyRepositoryContract;
import dev.connect.oauth.application.port.out.StorePorts;

class InMemoryApiKeyRepositoryTest extends ApiKeyRepositoryContract {
    @Override
    protected StorePorts openStore() {
        return InMemoryPorts.create();
    }
}
