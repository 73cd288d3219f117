package dev.connect.oauth.adapter.http;

import dev.connect.oauth.application.port.in.AuthorizationGranted;
import dev.connect.oauth.application.port.in.AuthorizationRedirectException;
import dev.connect.oauth.application.port.in.AuthorizationRequest;
import dev.connect.oauth.application.port.in.AuthorizeCommand;
import dev.connect.oauth.application.port.in.CheckedAuthorization;
import dev.connect.oauth.application.port.in.Principal;
import dev.connect.oauth.application.port.in.RequestSource;
import dev.connect.oauth.application.port.in.SignInCommand;
import dev.connect.oauth.application.port.in.SignedIn;
import dev.connect.oauth.application.port.in.TooManyAttemptsException;
import dev.connect.oauth.domain.Account;
import dev.connect.oauth.domain.ErrorCode;
import dev.connect.oauth.domain.OAuthException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The authorization endpoint (RFC 6749 §3.1, §4.1.1; API.md §3) in its two forms.
 *
 * <p>API: with the account's API key in {@code ACCESSTOKEN}, the key stands for sign-in and
 * consent, parameters come in the query or a JSON body, and the answer is
 * {@code 200 {"code", "state"}}; errors are JSON.
 *
 * <p>Browser: the request is checked first (an unknown client or redirect URI is an error page,
 * never a redirect; any later error is redirected to the client). Without a session the sign-in
 * page follows, posting to {@code /oauth/authorize/sign-in}, which opens the session and sends
 * the browser back here (303); with one, the consent page, posting to
 * {@code /oauth/authorize/consent}, whose Approve redirects with a code and Deny with
 * {@code access_denied}. Both forms carry the request's parameters and a CSRF token; each post
 * checks the request again, so a tampered field gains nothing.
 */
final class AuthorizationEndpoint {
    static final String SIGN_IN_PATH = "/oauth/authorize/sign-in";
    static final String CONSENT_PATH = "/oauth/authorize/consent";
    private static final String AUTHORIZE_PATH = "/oauth/authorize";
    private static final List<String> REQUEST_PARAMETERS = List.of("response_type", "client_id", "redirect_uri",
            "scope", "state", "code_challenge", "code_challenge_method");

    private final HttpUseCases useCases;
    private final UseCaseExecutor executor;
    private final Pages pages;
    private final BrowserCookies cookies;
    private final TokenBuckets signInPerSource;
    private final RequestSources sources;
    private final String basePath;

    AuthorizationEndpoint(HttpUseCases useCases, UseCaseExecutor executor, Pages pages, BrowserCookies cookies,
                          TokenBuckets signInPerSource, RequestSources sources, String basePath) {
        this.useCases = Objects.requireNonNull(useCases, "useCases");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.pages = Objects.requireNonNull(pages, "pages");
        this.cookies = Objects.requireNonNull(cookies, "cookies");
        this.signInPerSource = Objects.requireNonNull(signInPerSource, "signInPerSource");
        this.sources = Objects.requireNonNull(sources, "sources");
        this.basePath = Objects.requireNonNull(basePath, "basePath");
    }

    /** What to show or where to send the browser after a use case ran. */
    private sealed interface Step {
        record SignInForm(CheckedAuthorization checked, String email, boolean failed) implements Step {
        }

        record ConsentForm(CheckedAuthorization checked, Account account) implements Step {
        }

        record SessionStarted(SignedIn session) implements Step {
        }

        record BackToClient(String location) implements Step {
        }
    }

    /** {@code GET} (and {@code POST}) {@code /oauth/authorize}. */
    void authorize(RoutingContext ctx) {
        if (ctx.request().headers().contains(ApiEndpoints.API_KEY_HEADER)) {
            authorizeWithApiKey(ctx);
            return;
        }
        ctx.put(ErrorMapper.AS_PAGE, !MediaTypes.prefersJson(ctx.request().getHeader(HttpHeaders.ACCEPT)));
        ctx.put(ErrorMapper.REDIRECT_ERRORS, true);
        Parameters params = requestParameters(ctx);
        requireSingleClientAndRedirect(params);
        AuthorizationRequest request = request(params);
        String session = cookies.sessionToken(ctx);
        executor.call(ctx, () -> {
            CheckedAuthorization checked = check(request, params);
            Optional<Account> account = useCases.resolveSession().resolve(session);
            return account.<Step>map(signedIn -> new Step.ConsentForm(checked, signedIn))
                    .orElseGet(() -> new Step.SignInForm(checked, "", false));
        }, step -> render(ctx, request, step));
    }

    /**
     * {@code POST /oauth/authorize/sign-in}: the sign-in form. Attempts per source are bounded in
     * this node's memory (a flood guard); failed attempts are limited by the use case, in the
     * shared store, and a limited one gets 429 with {@code Retry-After}.
     */
    void signIn(RoutingContext ctx) {
        Parameters form = browserForm(ctx);
        AuthorizationRequest request = request(form);
        String email = form.get("email");
        String password = form.get("password");
        RequestSource source = sources.of(ctx);
        signInPerSource.take(source.value()).ifPresent(wait -> {
            throw HttpProblem.tooManyRequests(wait);
        });
        executor.call(ctx, () -> {
            CheckedAuthorization checked = check(request, form);
            try {
                return new Step.SessionStarted(useCases.signIn().signIn(new SignInCommand(email, password, source)));
            } catch (TooManyAttemptsException limited) {
                throw HttpProblem.tooManyRequests(limited.retryAfter());
            } catch (OAuthException refused) {
                // A wrong password, an unknown or malformed email: the same answer for all.
                return new Step.SignInForm(checked, email == null ? "" : email, true);
            }
        }, step -> render(ctx, request, step));
    }

    /** {@code POST /oauth/authorize/consent}: Approve or Deny. */
    void consent(RoutingContext ctx) {
        Parameters form = browserForm(ctx);
        AuthorizationRequest request = request(form);
        String decision = form.get("decision");
        if (!"approve".equals(decision) && !"deny".equals(decision)) {
            throw ErrorCode.INVALID_REQUEST.exception("decision must be approve or deny.");
        }
        String session = cookies.sessionToken(ctx);
        executor.call(ctx, () -> {
            CheckedAuthorization checked = check(request, form);
            Optional<Account> account = useCases.resolveSession().resolve(session);
            if (account.isEmpty()) {
                return new Step.SignInForm(checked, "", false);
            }
            if (decision.equals("deny")) {
                return new Step.BackToClient(AuthorizationResponses.error(checked.redirectUri(),
                        ErrorCode.ACCESS_DENIED.exception(), checked.state()));
            }
            AuthorizationGranted granted = useCases.authorize().authorize(new AuthorizeCommand(request, account.get().id()));
            return new Step.BackToClient(AuthorizationResponses.success(granted));
        }, step -> render(ctx, request, step));
    }

    private void authorizeWithApiKey(RoutingContext ctx) {
        if (MediaTypes.quality(ctx.request().getHeader(HttpHeaders.ACCEPT), MediaTypes.JSON) <= 0) {
            throw ErrorCode.NOT_ACCEPTABLE.exception();
        }
        AuthorizationRequest request = request(requestParameters(ctx).requireNoRepeats());
        List<String> keys = ctx.request().headers().getAll(ApiEndpoints.API_KEY_HEADER);
        String key = keys.size() == 1 ? keys.getFirst() : String.join(",", keys);
        executor.call(ctx, () -> {
            Principal holder = useCases.authenticateApiKey().authenticate(key);
            return useCases.authorize().authorize(new AuthorizeCommand(request, holder.account().id()));
        }, granted -> {
            JsonObject body = new JsonObject().put("code", granted.code());
            granted.state().ifPresent(state -> body.put("state", state));
            Replies.json(ctx, 200, body);
        });
    }

    /** A posted form of the browser flow: errors are pages, the CSRF token must match. */
    private Parameters browserForm(RoutingContext ctx) {
        ctx.put(ErrorMapper.AS_PAGE, true);
        ctx.put(ErrorMapper.REDIRECT_ERRORS, true);
        Parameters form = Parameters.fromBody(ctx);
        cookies.verifyCsrf(ctx, form);
        requireSingleClientAndRedirect(form);
        return form;
    }

    /** The query, and a body when there is one (RFC 6749 §3.1 allows POST). */
    private static Parameters requestParameters(RoutingContext ctx) {
        Parameters query = Parameters.fromQuery(ctx.request().query());
        if (ctx.request().method() == HttpMethod.POST || BodyReader.body(ctx).length() > 0) {
            return query.and(Parameters.fromBody(ctx));
        }
        return query;
    }

    /** Without one client and one redirect URI there is nowhere safe to redirect an error to. */
    private static void requireSingleClientAndRedirect(Parameters params) {
        if (params.isRepeated("client_id") || params.isRepeated("redirect_uri")) {
            throw ErrorCode.INVALID_REQUEST.exception(params.repeatedDescription());
        }
    }

    /** Checks the request; a repeated parameter is an error for the client once its redirect URI is trusted. */
    private CheckedAuthorization check(AuthorizationRequest request, Parameters params) {
        CheckedAuthorization checked = useCases.checkAuthorizationRequest().check(request);
        if (params.hasRepeats()) {
            throw new AuthorizationRedirectException(ErrorCode.INVALID_REQUEST.exception(params.repeatedDescription()),
                    checked.redirectUri(), params.isRepeated("state") ? Optional.empty() : checked.state());
        }
        return checked;
    }

    private static AuthorizationRequest request(Parameters params) {
        return new AuthorizationRequest(params.get("response_type"), params.get("client_id"), params.get("redirect_uri"),
                params.get("scope"), params.get("state"), params.get("code_challenge"), params.get("code_challenge_method"));
    }

    private void render(RoutingContext ctx, AuthorizationRequest request, Step step) {
        Messages messages = Messages.forAcceptLanguage(ctx.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        switch (step) {
            case Step.SignInForm form -> Replies.html(ctx, 200, pages.signIn(messages, form.checked().client().name(),
                    basePath + SIGN_IN_PATH, hiddenFields(ctx, request), form.email(), form.failed()));
            case Step.ConsentForm form -> Replies.html(ctx, 200, pages.consent(messages, form.checked().client().name(),
                    form.checked().scopes(), form.account(), basePath + CONSENT_PATH, hiddenFields(ctx, request)));
            case Step.SessionStarted started -> {
                cookies.startSession(ctx, started.session());
                Replies.redirect(ctx, 303, AuthorizationResponses.location(basePath + AUTHORIZE_PATH, fields(request)));
            }
            case Step.BackToClient back -> Replies.redirect(ctx, 302, back.location());
        }
    }

    /** The request's parameters and the CSRF token, for the next form post. */
    private Html hiddenFields(RoutingContext ctx, AuthorizationRequest request) {
        Html hidden = Html.hidden(BrowserCookies.CSRF_FIELD, cookies.csrfToken(ctx));
        for (Map.Entry<String, String> field : fields(request)) {
            hidden = hidden.append(Html.hidden(field.getKey(), field.getValue()));
        }
        return hidden;
    }

    private static List<Map.Entry<String, String>> fields(AuthorizationRequest request) {
        List<String> values = Arrays.asList(request.responseType(), request.clientId(), request.redirectUri(),
                request.scope(), request.state(), request.codeChallenge(), request.codeChallengeMethod());
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        for (int i = 0; i < REQUEST_PARAMETERS.size(); i++) {
            if (values.get(i) != null) {
                fields.add(Map.entry(REQUEST_PARAMETERS.get(i), values.get(i)));
            }
        }
        return fields;
    }
}
