package dev.connect.oauth.application.port.out;

import java.time.Instant;

/**
 * Deletes rows no request can use any more, in bounded batches: authorization codes, access and
 * refresh tokens, browser sessions, pushed authorization requests and device authorization
 * requests that expired, and audit events past their retention.
 *
 * <p>Atomicity: each call deletes at most {@code limit} rows, each row as one atomic step, and
 * only rows that match when they are deleted. Calls are idempotent and need no lock: several nodes
 * purging at once each delete some of the rows (or none), and never a row still in use. Rows are
 * deleted before the rows they reference (an access token before the refresh token it came with).
 */
public interface StorePurge {
    /** Deletes codes that expired before {@code expiredBefore}; returns how many. */
    int deleteExpiredCodes(Instant expiredBefore, int limit);

    /** Deletes device authorization requests that expired before {@code expiredBefore}; returns how many. */
    int deleteExpiredDeviceAuthorizations(Instant expiredBefore, int limit);

    /** Deletes access tokens that expired before {@code expiredBefore}; returns how many. */
    int deleteExpiredAccessTokens(Instant expiredBefore, int limit);

    /**
     * Deletes refresh tokens of dead families: expired before {@code expiredBefore}, with no access
     * token left that references them, and of a grant that is revoked or has no refresh token
     * expiring at or after {@code expiredBefore} (a retired token of a live family stays, so that
     * presenting it again is still detected as a replay).
     *
     * @return how many were deleted
     */
    int deleteDeadRefreshTokens(Instant expiredBefore, int limit);

    /** Deletes browser sessions that expired before {@code expiredBefore}; returns how many. */
    int deleteExpiredSessions(Instant expiredBefore, int limit);

    /** Deletes pushed authorization requests that expired before {@code expiredBefore}; returns how many. */
    int deleteExpiredPushedRequests(Instant expiredBefore, int limit);

    /** Deletes audit events that occurred before {@code occurredBefore}; returns how many. */
    int deleteAuditEventsBefore(Instant occurredBefore, int limit);
}
