package dev.connect.oauth.adapter.http;

import dev.connect.oauth.application.port.in.PresentedAccessToken;
import dev.connect.oauth.application.port.in.UserInfo;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Objects;

/**
 * {@code GET|POST /oauth/userinfo} (OpenID Connect Core §5.3): the claims about the account behind
 * the bearer access token, as JSON. A missing, unknown or expired token is 401 and a token
 * without {@code openid} 403, each with its {@code WWW-Authenticate: Bearer error=...} challenge
 * (Core §5.3.3, RFC 6750 §3). A DPoP-bound token comes as {@code Authorization: DPoP} with a proof (RFC 9449 §7).
 *
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#UserInfo">OpenID Connect Core 1.0 §5.3</a>
 */
final class UserInfoEndpoint {
    static final String PATH = "/oauth/userinfo";

    private final HttpUseCases useCases;
    private final UseCaseExecutor executor;
    private final DpopExchange dpop;

    UserInfoEndpoint(HttpUseCases useCases, UseCaseExecutor executor, DpopExchange dpop) {
        this.dpop = Objects.requireNonNull(dpop, "dpop");
        this.useCases = Objects.requireNonNull(useCases, "useCases");
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    void userInfo(RoutingContext ctx) {
        PresentedAccessToken token = dpop.presentedToken(ctx);
        executor.call(ctx, () -> useCases.getUserInfo().userInfo(token), info -> Replies.json(ctx, 200, json(info)));
    }

    static JsonObject json(UserInfo info) {
        JsonObject body = new JsonObject().put("sub", info.subject());
        info.name().ifPresent(name -> body.put("name", name));
        info.email().ifPresent(email -> body.put("email", email.value()));
        info.phone().ifPresent(phone -> body.put("phone_number", phone.value()));
        return body;
    }
}
