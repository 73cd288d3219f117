package dev.connect.oauth.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connect.oauth.application.port.out.AuditEvent;
import dev.connect.oauth.application.port.out.AuditLog;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The promise of {@link AuditLog}: events kept, the most recent first. */
public abstract class AuditLogContract extends StoreContract {

    private AuditEvent recorded(String type, long millis) {
        AuditEvent event = new AuditEvent(type, Optional.empty(), Optional.empty(), "detail " + millis, at(millis));
        store.audit().record(event);
        return event;
    }

    @Test
    void recentWhenEventsRecordedThenEveryFieldKept() {
        AuditEvent withIds = new AuditEvent("refresh_token.reused", Optional.of("account-1"), Optional.of("client-1"),
                "grant g-1 revoked", at(1_234));
        AuditEvent withoutIds = new AuditEvent("store.unavailable", Optional.empty(), Optional.empty(), "", at(2_345));

        store.audit().record(withIds);
        store.audit().record(withoutIds);

        assertThat(store.audit().recent(10)).containsExactly(withoutIds, withIds);
    }

    @Test
    void recentThenNewestFirstAndAtMostTheLimit() {
        recorded("a", 1_000);
        recorded("b", 2_000);
        AuditEvent third = recorded("c", 3_000);
        AuditEvent fourth = recorded("d", 4_000);

        assertThat(store.audit().recent(2)).containsExactly(fourth, third);
    }

    @Test
    void recentWhenEmptyThenEmpty() {
        assertThat(store.audit().recent(5)).isEmpty();
    }
}
