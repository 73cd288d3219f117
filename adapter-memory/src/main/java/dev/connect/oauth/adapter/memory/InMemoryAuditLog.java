package dev.connect.oauth.adapter.memory;

import dev.connect.oauth.application.port.out.AuditEvent;
import dev.connect.oauth.application.port.out.AuditEventType;
import dev.connect.oauth.application.port.out.AuditLog;
import java.util.List;
import java.util.Objects;

/** {@link AuditLog} on an {@link InMemoryStore}: events in the order they were recorded. */
final class InMemoryAuditLog implements AuditLog {
    private final InMemoryStore store;

    InMemoryAuditLog(InMemoryStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public void record(AuditEvent event) {
        Objects.requireNonNull(event, "event");
        store.atomically(() -> store.auditEvents.add(event));
    }

    @Override
    public List<AuditEvent> recent(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative");
        }
        return store.atomically(() -> store.auditEvents.reversed().stream().limit(limit).toList());
    }

    /** Every recorded event of this type, oldest first: what service tests assert on. */
    public List<AuditEvent> ofType(AuditEventType type) {
        return store.atomically(() -> store.auditEvents.stream().filter(event -> event.type().equals(type)).toList());
    }
}
