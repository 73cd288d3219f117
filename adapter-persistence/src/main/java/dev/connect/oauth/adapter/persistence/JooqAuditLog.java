package dev.connect.oauth.adapter.persistence;

import static dev.connect.oauth.adapter.persistence.jooq.Tables.AUDIT_EVENTS;

import dev.connect.oauth.application.port.out.AuditEvent;
import dev.connect.oauth.application.port.out.AuditEventType;
import dev.connect.oauth.application.port.out.AuditLog;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** {@link AuditLog} on {@code audit_events}: one insert per event, read back newest first by {@code seq}. */
final class JooqAuditLog implements AuditLog {
    private final JooqDatabase database;

    JooqAuditLog(JooqDatabase database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    @Override
    public void record(AuditEvent event) {
        Objects.requireNonNull(event, "event");
        database.execute(ctx -> ctx.insertInto(AUDIT_EVENTS)
                .set(AUDIT_EVENTS.EVENT_TYPE, event.type().wireName())
                .set(AUDIT_EVENTS.ACCOUNT_ID, event.accountId().orElse(null))
                .set(AUDIT_EVENTS.CLIENT_ID, event.clientId().orElse(null))
                .set(AUDIT_EVENTS.DETAIL, event.detail())
                .set(AUDIT_EVENTS.OCCURRED_AT, EpochNanos.of(event.at()))
                .execute());
    }

    /** In the order they were recorded, newest first: {@code seq}, not the events' own times. */
    @Override
    public List<AuditEvent> recent(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative");
        }
        return database.query(ctx -> ctx.selectFrom(AUDIT_EVENTS)
                .orderBy(AUDIT_EVENTS.SEQ.desc())
                .limit(limit)
                .fetch(row -> new AuditEvent(type(row.getEventType()), Optional.ofNullable(row.getAccountId()),
                        Optional.ofNullable(row.getClientId()), row.getDetail(),
                        EpochNanos.toInstant(row.getOccurredAt()))));
    }

    private static AuditEventType type(String stored) {
        return AuditEventType.parse(stored)
                .orElseThrow(() -> new IllegalStateException("audit_events holds an unknown event type: " + stored));
    }
}
