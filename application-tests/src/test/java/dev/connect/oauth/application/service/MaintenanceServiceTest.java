package dev.connect.oauth.application.service;

import static dev.connect.oauth.testkit.testdata.OAuthAssertions.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import dev.connect.oauth.application.port.in.Principal;
import dev.connect.oauth.application.port.out.AuditEvent;
import dev.connect.oauth.application.port.out.AuditEventType;
import dev.connect.oauth.application.testdata.TestApplication;
import dev.connect.oauth.domain.ErrorCode;
import org.junit.jupiter.api.Test;

class MaintenanceServiceTest {
    private final Scenario scenario = new Scenario();
    private final TestApplication app = scenario.app;
    private final Principal admin = Scenario.principal(scenario.admin());
    /** A second node on the same store: its own cache, the same switch. */
    private final MaintenanceService otherNode = new MaintenanceService(app.ports.maintenance(), app.ports.audit(), app.clock);

    @Test
    void setThenThisNodeFollowsAtOnceAndTheOtherAtItsRefresh() {
        app.maintenance.set(admin, true);

        assertThat(app.maintenance.isOn()).isTrue();
        assertThat(otherNode.isOn()).isFalse();
        assertThat(otherNode.refresh()).isTrue();
        assertThat(otherNode.isOn()).isTrue();
        assertThat(app.ports.audit().recent(1)).extracting(AuditEvent::type).containsExactly(AuditEventType.MAINTENANCE_SWITCHED);

        otherNode.set(admin, false);

        assertThat(app.maintenance.refresh()).isFalse();
    }

    @Test
    void refreshWhenStoreDownThenTheLastKnownValueHolds() {
        app.maintenance.set(admin, true);
        otherNode.refresh();

        app.store.setAvailable(false);

        assertThat(otherNode.refresh()).isTrue();
        assertThat(otherNode.isOn()).isTrue();
        app.store.setAvailable(true);
    }

    @Test
    void setWhenCallerIsNoAdminThenForbiddenAndNothingChanges() {
        Principal customer = Scenario.principal(scenario.customer());

        assertRejected(() -> app.maintenance.set(customer, true), ErrorCode.FORBIDDEN);

        assertThat(app.maintenance.isOn()).isFalse();
        assertThat(app.ports.maintenance().isOn()).isFalse();
    }
}
