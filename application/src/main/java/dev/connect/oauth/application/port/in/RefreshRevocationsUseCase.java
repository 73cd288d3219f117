package dev.connect.oauth.application.port.in;

/**
 * Brings this node's cache of token checks up to date with the revocations every node writes to
 * the shared store; run in the background, every half of the configured revocation delay.
 */
public interface RefreshRevocationsUseCase {
    /**
     * Reads the revocations since the last successful refresh and forgets the tokens they end.
     * When the store does not answer, nothing changes here, and the cache stops answering once its
     * last successful refresh is older than the revocation delay (the checks then read the store).
     *
     * @return whether the store answered
     */
    boolean refresh();
}
