package dev.connect.oauth.application.service;

import dev.connect.oauth.application.port.in.PurgeExpiredDataUseCase;
import dev.connect.oauth.application.port.out.StorePurge;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.IntUnaryOperator;

/**
 * Purges in batches of {@value #BATCH} rows until a batch comes back short, so no statement holds
 * locks for long (on a Galera cluster a huge delete is one huge write set) and a run is bounded.
 * Expired rows are kept one more day: a code or a retired refresh token replayed shortly after
 * it expired is still recognised, and still revokes its family.
 */
public final class PurgeExpiredDataService implements PurgeExpiredDataUseCase {
    static final int BATCH = 500;
    /** At most this many batches per kind and run: the next run continues. */
    private static final int MAX_BATCHES = 200;
    private static final Duration GRACE = Duration.ofDays(1);

    private final StorePurge purge;
    private final Clock clock;

    @Inject
    public PurgeExpiredDataService(StorePurge purge, Clock clock) {
        this.purge = Objects.requireNonNull(purge, "purge");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Purged purge(Duration auditRetention) {
        Objects.requireNonNull(auditRetention, "auditRetention");
        Instant now = clock.instant();
        Instant expired = now.minus(GRACE);
        int codes = drain(limit -> purge.deleteExpiredCodes(expired, limit));
        int deviceAuthorizations = drain(limit -> purge.deleteExpiredDeviceAuthorizations(expired, limit));
        // Access tokens first: a refresh token goes only once no access token references it.
        int accessTokens = drain(limit -> purge.deleteExpiredAccessTokens(expired, limit));
        int refreshTokens = drain(limit -> purge.deleteDeadRefreshTokens(expired, limit));
        int sessions = drain(limit -> purge.deleteExpiredSessions(expired, limit));
        int auditEvents = drain(limit -> purge.deleteAuditEventsBefore(now.minus(auditRetention), limit));
        // A pushed request is no use once expired, not even to recognise a replay: no grace.
        int pushedRequests = drain(limit -> purge.deleteExpiredPushedRequests(now, limit));
        return new Purged(codes, accessTokens, refreshTokens, sessions, auditEvents, pushedRequests,
                deviceAuthorizations);
    }

    private static int drain(IntUnaryOperator batch) {
        int total = 0;
        for (int i = 0; i < MAX_BATCHES; i++) {
            int deleted = batch.applyAsInt(BATCH);
            total += deleted;
            if (deleted < BATCH) {
                break;
            }
        }
        return total;
    }
}
