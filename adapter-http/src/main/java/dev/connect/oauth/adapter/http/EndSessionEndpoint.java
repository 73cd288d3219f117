package dev.connect.oauth.adapter.http;

import dev.connect.oauth.application.port.in.EndSessionCommand;
import dev.connect.oauth.application.port.in.EndedSession;
import dev.connect.oauth.application.port.in.LogoutConfirmation;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * {@code GET|POST /oauth/end_session}: RP-initiated logout. The use case checks the
 * {@code id_token_hint} and the {@code post_logout_redirect_uri} and ends the session in the
 * shared store; here the session cookie is cleared (when that session was ended) and the browser
 * sent to the client's URI with its {@code state}, or shown the signed-out page. Errors are pages
 * (JSON for a caller that prefers it), never redirects: an unchecked URI is not followed.
 *
 * <p>Without {@code id_token_hint} the use case asks first: a page naming the client, whose form
 * posts the request back here with {@code logout=confirm} and the CSRF token. Only such a post,
 * its token verified, counts as the user's confirmation; a relying party's own POST (without the
 * field) gets the question like a GET.
 *
 * @see <a href="https://openid.net/specs/openid-connect-rpinitiated-1_0.html">OpenID Connect RP-Initiated Logout 1.0</a>
 */
final class EndSessionEndpoint {
    static final String PATH = "/oauth/end_session";
    private static final String CONFIRM_FIELD = "logout";
    /** What the question's form carries on besides the request's parameters. */
    private static final Set<String> PAGE_FIELDS = Set.of(BrowserCookies.CSRF_FIELD, CONFIRM_FIELD);

    private final HttpUseCases useCases;
    private final UseCaseExecutor executor;
    private final Pages pages;
    private final BrowserCookies cookies;
    private final String basePath;

    EndSessionEndpoint(HttpUseCases useCases, UseCaseExecutor executor, Pages pages, BrowserCookies cookies,
                       String basePath) {
        this.useCases = Objects.requireNonNull(useCases, "useCases");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.pages = Objects.requireNonNull(pages, "pages");
        this.cookies = Objects.requireNonNull(cookies, "cookies");
        this.basePath = Objects.requireNonNull(basePath, "basePath");
    }

    void endSession(RoutingContext ctx) {
        Parameters params = AuthorizationEndpoint.requestParameters(ctx).requireNoRepeats();
        boolean confirmed = params.get(CONFIRM_FIELD).isPresent();
        if (confirmed) {
            cookies.verifyCsrf(ctx, params);
        }
        EndSessionCommand command = new EndSessionCommand(params.get("id_token_hint"), params.get("client_id"),
                params.get("post_logout_redirect_uri"), params.get("state"), cookies.sessionToken(ctx), confirmed);
        executor.call(ctx, () -> useCases.endSession().endSession(command), outcome -> {
            switch (outcome) {
                case EndedSession ended -> render(ctx, params, ended);
                case LogoutConfirmation question -> ask(ctx, params, question);
            }
        });
    }

    private void ask(RoutingContext ctx, Parameters params, LogoutConfirmation question) {
        Html hidden = Html.hidden(BrowserCookies.CSRF_FIELD, cookies.csrfToken(ctx));
        for (Map.Entry<String, String> field : params.allBut(PAGE_FIELDS)) {
            hidden = hidden.append(Html.hidden(field.getKey(), field.getValue()));
        }
        Replies.html(ctx, 200, pages.logoutConfirmation(messages(ctx, params), question.clientName(),
                basePath + PATH, hidden));
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
        Replies.html(ctx, 200, pages.signedOut(messages(ctx, params)));
    }

    private static Messages messages(RoutingContext ctx, Parameters params) {
        return Messages.forRequest(params.get("ui_locales"), ctx.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE));
    }
}
