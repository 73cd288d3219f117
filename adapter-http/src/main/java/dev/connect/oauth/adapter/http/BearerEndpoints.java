package dev.connect.oauth.adapter.http;

import dev.connect.oauth.application.port.in.PresentedAccessToken;
import dev.connect.oauth.application.port.in.TokenInfo;
import dev.connect.oauth.domain.OAuthException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Objects;
import java.util.Optional;

/**
 * The endpoints called with an access token (seed 003, RFC 6750 §2.1): {@code GET /oauth/info}
 * describes the account behind it; {@code GET|POST /oauth/invalidate} revokes it with its refresh
 * token (204).
 *
 * <p>{@code /info} answers on the event loop when the token is in this node's cache of token
 * checks: the answer then costs a hash and a map lookup, less than the hop to a virtual thread and
 * back (two context switches and a semaphore). On a miss, with a DPoP proof (whose {@code jti} is
 * recorded in the shared store), and for {@code /invalidate}, which writes, the use case runs off
 * the event loop, so the event loop never waits for the database. Tokens come as
 * {@code Authorization: Bearer} or, DPoP-bound, as {@code Authorization: DPoP} with a proof (RFC 9449 §7).
 */
final class BearerEndpoints {
    private final HttpUseCases useCases;
    private final UseCaseExecutor executor;
    private final DpopExchange dpop;

    BearerEndpoints(HttpUseCases useCases, UseCaseExecutor executor, DpopExchange dpop) {
        this.dpop = Objects.requireNonNull(dpop, "dpop");
        this.useCases = Objects.requireNonNull(useCases, "useCases");
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    void info(RoutingContext ctx) {
        PresentedAccessToken token = dpop.presentedToken(ctx);
        Optional<TokenInfo> known;
        try {
            known = useCases.describeToken().describeFromMemory(token);
        } catch (OAuthException refused) {
            ctx.fail(refused);
            return;
        }
        if (known.isPresent()) {
            Replies.json(ctx, 200, json(known.get()));
            return;
        }
        executor.call(ctx, () -> useCases.describeToken().describe(token), info -> Replies.json(ctx, 200, json(info)));
    }

    void invalidate(RoutingContext ctx) {
        PresentedAccessToken token = dpop.presentedToken(ctx);
        executor.call(ctx, () -> {
            useCases.invalidateToken().invalidate(token);
            return true;
        }, done -> Replies.noContent(ctx));
    }

    private static JsonObject json(TokenInfo info) {
        return new JsonObject()
                .put("id", info.account().id().value())
                .put("user", info.account().name())
                .put("email", info.account().email().value())
                .put("client_id", info.clientId().value())
                .put("scope", info.scope().toString());
    }
}
