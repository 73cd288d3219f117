package dev.connect.oauth.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connect.oauth.application.port.out.AuditEvent;
import dev.connect.oauth.application.port.out.AuditEventType;
import dev.connect.oauth.application.port.out.AuditLog;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The promise of {@link AuditLog}: events kept, the most recent first. */
public abstract class AuditLogContract extends StoreContract {

    private AuditEvent recorded(AuditEventType type, long millis) {
        AuditEvent event = new AuditEvent(type, Optional.empty(), Optional.empty(), "detail " + millis, at(millis));
        store.audit().record(event);
        return event;
    }

    @Test
    void recentWhenEventsRecordedThenEveryFieldKept() {
        AuditEvent withIds = new AuditEvent(AuditEventType.REFRESH_TOKEN_REUSED, Optional.of("account-1"), Optional.of("client-1"),
                "grant g-1 revoked", at(1_234));
        AuditEvent withoutIds = new AuditEvent(AuditEventType.MAINTENANCE_SWITCHED, Optional.empty(), Optional.empty(), "", at(2_345));

        store.audit().record(withIds);
        store.audit().record(withoutIds);

        assertThat(store.audit().recent(10)).containsExactly(withoutIds, withIds);
    }

    @Test
    void recentThenNewestFirstAndAtMostTheLimit() {
        recorded(AuditEventType.ACCOUNT_CREATED, 1_000);
        recorded(AuditEventType.API_KEY_ISSUED, 2_000);
        AuditEvent third = recorded(AuditEventType.API_KEY_REVOKED, 3_000);
        AuditEvent fourth = recorded(AuditEventType.CLIENT_DELETED, 4_000);

        assertThat(store.audit().recent(2)).containsExactly(fourth, third);
    }

    @Test
    void recentWhenEmptyThenEmpty() {
        assertThat(store.audit().recent(5)).isEmpty();
    }
}
