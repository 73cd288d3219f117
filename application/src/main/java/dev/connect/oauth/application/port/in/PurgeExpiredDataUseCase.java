package dev.connect.oauth.application.port.in;

import java.time.Duration;

/**
 * Deletes what has expired (codes, tokens of dead families, sessions, pushed authorization requests,
 * device authorization requests) and audit events older than
 * the retention. Safe to run on every node at once, at any time.
 */
public interface PurgeExpiredDataUseCase {
    /** @param auditRetention how long audit events are kept */
    Purged purge(Duration auditRetention);

    /** How many rows of each kind one run deleted. */
    record Purged(int codes, int accessTokens, int refreshTokens, int sessions, int auditEvents, int pushedRequests,
                  int deviceAuthorizations) {
        /** A run that deleted no device authorization request. */
        public Purged(int codes, int accessTokens, int refreshTokens, int sessions, int auditEvents,
                      int pushedRequests) {
            this(codes, accessTokens, refreshTokens, sessions, auditEvents, pushedRequests, 0);
        }

        public int total() {
            return codes + accessTokens + refreshTokens + sessions + auditEvents + pushedRequests + deviceAuthorizations;
        }
    }
}
