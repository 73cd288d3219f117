package dev.connect.oauth.application.port.out;

import dev.connect.oauth.domain.ClientId;
import dev.connect.oauth.domain.PushedAuthorizationRequest;
import dev.connect.oauth.domain.SecretHash;
import java.time.Instant;
import java.util.Optional;

/**
 * Pushed authorization requests (RFC 9126), by the hash of their {@code request_uri}.
 *
 * <p>Atomicity: {@link #take} hands a request out at most once across every node sharing the
 * store, however many take it at the same moment (one conditional delete, never read-then-write).
 * Only the client that pushed it can take it: for any other client it is unknown and stays as it
 * was, so a leaked {@code request_uri} cannot be burned by a stranger.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9126#section-4">RFC 9126 §4</a>
 */
public interface PushedRequestStore {
    void add(PushedAuthorizationRequest request);

    /**
     * Removes and returns the request of this hash if {@code presenter} pushed it and it has not
     * expired at {@code now}; empty for an unknown, expired, already taken or someone else's request.
     */
    Optional<PushedAuthorizationRequest> take(SecretHash hash, ClientId presenter, Instant now);
}
