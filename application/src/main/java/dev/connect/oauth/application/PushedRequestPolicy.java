package dev.connect.oauth.application;

import dev.connect.oauth.domain.Client;
import dev.connect.oauth.domain.PushedAuthorizationRequest;
import java.time.Duration;
import java.util.Objects;

/**
 * The server-wide rules of pushed authorization requests (RFC 9126), built once from configuration.
 *
 * @param ttl                   how long a {@code request_uri} may be used, at most
 *                              {@link PushedAuthorizationRequest#MAX_TTL}
 * @param requiredForAllClients whether every client must push its authorization requests (RFC 9126
 *                              §5, {@code require_pushed_authorization_requests}), whatever it registered
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9126#section-5">RFC 9126 §5</a>
 */
public record PushedRequestPolicy(Duration ttl, boolean requiredForAllClients) {
    /** Whether every client must push unless configured: no, only those registered so. */
    public static final boolean DEFAULT_REQUIRED_FOR_ALL_CLIENTS = false;
    /** {@link PushedAuthorizationRequest#DEFAULT_TTL}, pushing optional unless a client registered otherwise. */
    public static final PushedRequestPolicy DEFAULTS = new PushedRequestPolicy(PushedAuthorizationRequest.DEFAULT_TTL,
            DEFAULT_REQUIRED_FOR_ALL_CLIENTS);

    public PushedRequestPolicy {
        PushedAuthorizationRequest.checkTtl(ttl);
    }

    /** Whether {@code client}'s authorization requests must come through the pushed authorization request endpoint. */
    public boolean requiredFor(Client client) {
        return requiredForAllClients || Objects.requireNonNull(client, "client").requirePushedAuthorizationRequests();
    }
}
