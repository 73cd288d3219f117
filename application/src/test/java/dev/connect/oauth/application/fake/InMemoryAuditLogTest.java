package dev.connect.oauth.application.fake;

import dev.connect.oauth.application.port.out.AuditLogContract;
import dev.connect.oauth.application.port.out.StorePorts;

class InMemoryAuditLogTest extends AuditLogContract {
    @Override
    protected StorePorts openStore() {
        return InMemoryPorts.create();
    }
}
