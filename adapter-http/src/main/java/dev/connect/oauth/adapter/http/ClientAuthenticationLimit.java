package dev.connect.oauth.adapter.http;

import dev.connect.oauth.application.port.in.ClientCredentials;
import dev.connect.oauth.application.port.in.LimitClientFailuresUseCase;
import dev.connect.oauth.application.port.in.RequestSource;
import dev.connect.oauth.domain.ErrorCode;
import dev.connect.oauth.domain.OAuthException;
import io.vertx.ext.web.RoutingContext;
import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * The abuse limit of every endpoint that authenticates clients (token, refresh, revocation,
 * introspection; RFC 6749 §2.3.1, §10.10): failed client authentications counted per claimed
 * client id and source, in the store every node shares, so that an attacker's failures block the
 * attacker's source only, never the client elsewhere.
 */
final class ClientAuthenticationLimit {
    private final LimitClientFailuresUseCase limit;
    private final RequestSources sources;

    ClientAuthenticationLimit(LimitClientFailuresUseCase limit, RequestSources sources) {
        this.limit = Objects.requireNonNull(limit, "limit");
        this.sources = Objects.requireNonNull(sources, "sources");
    }

    /**
     * Refuses with 429 a client and source over their limit (from this node's memory, on the event
     * loop); otherwise returns {@code call}, which counts its failed client authentication when it
     * runs (blocking, off the event loop).
     */
    <T> Callable<T> guard(RoutingContext ctx, ClientCredentials client, Callable<T> call) {
        RequestSource source = sources.of(ctx);
        limit.waitBefore(client.clientId(), source).ifPresent(wait -> {
            throw HttpProblem.tooManyRequests(wait);
        });
        return () -> {
            try {
                return call.call();
            } catch (OAuthException refused) {
                if (refused.errorCode() == ErrorCode.INVALID_CLIENT) {
                    limit.recordFailure(client.clientId(), source);
                }
                throw refused;
            }
        };
    }
}
