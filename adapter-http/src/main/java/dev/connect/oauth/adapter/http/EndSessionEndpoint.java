package dev.connect.oauth.adapter.http;

import dev.connect.oauth.application.port.in.EndSessionCommand;
import dev.connect.oauth.application.port.in.EndedSession;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code GET|POST /oauth/end_session}: RP-initiated logout. The use case checks the
 * {@code id_token_hint} and the {@code post_logout_redirect_uri} and ends the session in the
 * shared store; here the session cookie is cleared (when that session was ended) and the browser
 * sent to the client's URI with its {@code state}, or shown the signed-out page. Errors are pages
 * (JSON for a caller that prefers it), never redirects: an unchecked URI is not followed.
 *
 * @see <a href="https://openid.net/specs/openid-connect-rpinitiated-1_0.html">OpenID Connect RP-Initiated Logout 1.0</a>
 */
final class EndSessionEndpoint {
    static final String PATH = "/oauth/end_session";

    private final HttpUseCases useCases;
    private final UseCaseExecutor executor;
    private final Pages pages;
    private final BrowserCookies cookies;

    EndSessionEndpoint(HttpUseCases useCases, UseCaseExecutor executor, Pages pages, BrowserCookies cookies) {
        this.useCases = Objects.requireNonNull(useCases, "useCases");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.pages = Objects.requireNonNull(pages, "pages");
        this.cookies = Objects.requireNonNull(cookies, "cookies");
    }

    void endSession(RoutingContext ctx) {
        Parameters params = AuthorizationEndpoint.requestParameters(ctx).requireNoRepeats();
        EndSessionCommand command = new EndSessionCommand(params.get("id_token_hint"), params.get("client_id"),
                params.get("post_logout_redirect_uri"), params.get("state"), cookies.sessionToken(ctx));
        executor.call(ctx, () -> useCases.endSession().endSession(command), ended -> render(ctx, params, ended));
    }

    private void render(RoutingContext ctx, Parameters params, EndedSession ended) {
        if (ended.sessionEnded()) {
            cookies.endSession(ctx);
        }
        if (ended.postLogoutRedirectUri().isPresent()) {
            String uri = ended.postLogoutRedirectUri().get().value();
            Replies.redirect(ctx, 302, ended.state()
                    .map(state -> AuthorizationResponses.location(uri, List.of(Map.entry("state", state))))
                    .orElse(uri));
            return;
        }
        Replies.html(ctx, 200, pages.signedOut(Messages.forRequest(params.get("ui_locales"),
                ctx.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE))));
    }
}
