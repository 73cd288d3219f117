package dev.connect.oauth.application.port.in;

import java.time.Duration;
import java.util.Optional;

/**
 * The abuse limit of client authentication at the token, revocation and introspection endpoints
 * (RFC 6749 §2.3.1, §10.10): failures are counted per <em>claimed</em> client id and {@link RequestSource},
 * in the store every node shares, so that failures from one source never block the same client
 * elsewhere, and one source cannot drain another's allowance.
 */
public interface LimitClientFailuresUseCase {
    /**
     * Whether the claimed client may try from {@code source} now. Answers from this node's memory
     * of blocked pairs (filled by {@link #recordFailure}), never waiting for the store: a node
     * learns that a pair is blocked at its own next failure from that pair, so a pair gets at most
     * one more try per node than the limit.
     *
     * @return empty to go ahead, else how long to wait
     */
    Optional<Duration> waitBefore(String claimedClientId, RequestSource source);

    /**
     * Counts a failed client authentication in the shared store (blocking).
     *
     * @return empty while the pair is within its limit, else how long it is now blocked
     */
    Optional<Duration> recordFailure(String claimedClientId, RequestSource source);
}
