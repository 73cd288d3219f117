package dev.connect.oauth.application.port.out;

import java.util.List;

/** Security events, kept for operators. Appends are atomic on their own. */
public interface AuditLog {
    void record(AuditEvent event);

    /** The most recent events, newest first, at most {@code limit}. */
    List<AuditEvent> recent(int limit);
}
