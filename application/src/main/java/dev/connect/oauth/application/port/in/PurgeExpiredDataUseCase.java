package dev.connect.oauth.application.port.in;

import java.time.Duration;

/**
 * Deletes what has expired (codes, device authorization requests, tokens of dead families, sessions) and audit events older than
 * the retention. Safe to run on every node at once, at any time.
 */
public interface PurgeExpiredDataUseCase {
    /** @param auditRetention how long audit events are kept */
    Purged purge(Duration auditRetention);

    /** How many rows of each kind one run deleted. */
    record Purged(int codes, int accessTokens, int refreshTokens, int sessions, int auditEvents,
                  int deviceAuthorizations) {
        /** A run that deleted no device authorization request. */
        public Purged(int codes, int accessTokens, int refreshTokens, int sessions, int auditEvents) {
            this(codes, accessTokens, refreshTokens, sessions, auditEvents, 0);
        }

        public int total() {
            return codes + accessTokens + refreshTokens + sessions + auditEvents + deviceAuthorizations;
        }
    }
}
