package dev.connect.oauth.adapter.http;

import dev.connect.oauth.application.port.in.AuthorizationDenied;
import dev.connect.oauth.application.port.in.AuthorizationGranted;
import dev.connect.oauth.application.port.in.AuthorizationPlan;
import dev.connect.oauth.application.port.in.AuthorizationRedirectException;
import dev.connect.oauth.application.port.in.AuthorizationRequest;
import dev.connect.oauth.application.port.in.AuthorizeCommand;
import dev.connect.oauth.application.port.in.CheckedAuthorization;
import dev.connect.oauth.application.port.in.ConsentDecision;
import dev.connect.oauth.application.port.in.OpenIdParameters;
import dev.connect.oauth.application.port.in.PlanAuthorizationCommand;
import dev.connect.oauth.application.port.in.Principal;
import dev.connect.oauth.application.port.in.ResolvePushedRequestCommand;
import dev.connect.oauth.application.port.in.SignInCommand;
import dev.connect.oauth.application.port.in.SignedIn;
import dev.connect.oauth.application.port.in.SignedInAccount;
import dev.connect.oauth.domain.Account;
import dev.connect.oauth.domain.AuthenticationRequirement;
import dev.connect.oauth.domain.ErrorCode;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

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
 * {@code access_denied}, decided in one use-case call. Both forms carry a CSRF token and every
 * parameter of the request, whatever it is ({@code nonce}, {@code prompt}, {@code max_age},
 * {@code ui_locales}...), so each reaches the decision intact; each post checks the request again,
 * so a tampered field gains nothing. Every authorization response names the issuer in {@code iss}
 * (RFC 9207), the JSON answer of the API form too. The consent page also offers logout, a
 * CSRF-protected post to {@code /oauth/logout} that deletes the session and its cookie. How errors
 * are answered (page, JSON, redirect to the client) is each route's {@link ErrorStyle}.
 *
 * <p>Pushed requests (RFC 9126 §4): a request with {@code request_uri} and {@code client_id}, in
 * either form, stands for the parameters its client pushed, taken (used up) at this first hit; the
 * pages carry those on like any request's. After a sign-in, a client that must push gets them
 * pushed again under a fresh {@code request_uri} for the way back.
 */
final class AuthorizationEndpoint {
    static final String SIGN_IN_PATH = "/oauth/authorize/sign-in";
    static final String CONSENT_PATH = "/oauth/authorize/consent";
    static final String SIGN_OUT_PATH = "/oauth/logout";
    private static final String AUTHORIZE_PATH = "/oauth/authorize";
    /** The fields the pages add themselves; every other parameter of the request travels on with it. */
    private static final Set<String> PAGE_FIELDS = Set.of(BrowserCookies.CSRF_FIELD, "email", "password", "decision");

    private final HttpUseCases useCases;
    private final UseCaseExecutor executor;
    private final Pages pages;
    private final BrowserCookies cookies;
    private final PageSignIn pageSignIn;
    private final String basePath;
    private final String issuer;

    AuthorizationEndpoint(HttpUseCases useCases, UseCaseExecutor executor, Pages pages, BrowserCookies cookies,
                          PageSignIn pageSignIn, String basePath, String issuer) {
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.useCases = Objects.requireNonNull(useCases, "useCases");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.pages = Objects.requireNonNull(pages, "pages");
        this.cookies = Objects.requireNonNull(cookies, "cookies");
        this.pageSignIn = Objects.requireNonNull(pageSignIn, "pageSignIn");
        this.basePath = Objects.requireNonNull(basePath, "basePath");
    }

    /** What a use case decided, with the parameters the request stands for. */
    private record Rendering(Parameters params, Step step) {
    }

    /** What to show or where to send the browser after a use case ran. */
    private sealed interface Step {
        record SignInForm(CheckedAuthorization checked, String email, boolean failed) implements Step {
        }

        record ConsentForm(CheckedAuthorization checked, Account account) implements Step {
        }

        /** @param back the request's parameters to send the browser back to the authorization endpoint with */
        record SessionStarted(SignedIn session, List<Map.Entry<String, String>> back) implements Step {
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
        Parameters received = requestParameters(ctx);
        Optional<String> session = cookies.sessionToken(ctx);
        executor.call(ctx, () -> {
            Parameters params = resolved(received);
            AuthorizationPlan plan = useCases.planAuthorization().plan(new PlanAuthorizationCommand(request(params),
                    openId(params), session));
            Step step = switch (plan) {
                case AuthorizationPlan.SignIn signIn -> new Step.SignInForm(signIn.checked(), loginHint(params), false);
                case AuthorizationPlan.Consent consent -> new Step.ConsentForm(consent.checked(), consent.account());
                case AuthorizationPlan.Approved approved ->
                        new Step.BackToClient(AuthorizationResponses.success(approved.granted(), issuer));
            };
            return new Rendering(params, step);
        }, rendering -> render(ctx, rendering.params(), rendering.step()));
    }

    /** {@code POST /oauth/authorize/sign-in}: the sign-in form, limited as {@link PageSignIn} says. */
    void signIn(RoutingContext ctx) {
        Parameters form = browserForm(ctx);
        AuthorizationRequest request = request(form);
        SignInCommand attempt = pageSignIn.admit(ctx, form);
        executor.call(ctx, () -> {
            CheckedAuthorization checked = useCases.checkAuthorizationRequest().check(request);
            return pageSignIn.attempt(attempt, session -> new Step.SessionStarted(session,
                            useCases.returnAfterSignIn().parametersBack(checked, afterSignIn(form))),
                    () -> new Step.SignInForm(checked, attempt.email().orElse(""), true));
        }, step -> render(ctx, form, step));
    }

    /** {@code POST /oauth/authorize/consent}: Approve or Deny, checked and decided in one use-case call. */
    void consent(RoutingContext ctx) {
        Parameters form = browserForm(ctx);
        AuthorizationRequest request = request(form);
        ConsentDecision decision = form.get("decision").flatMap(ConsentDecision::parse)
                .orElseThrow(() -> ErrorCode.INVALID_REQUEST.exception("decision must be approve or deny."));
        Optional<String> session = cookies.sessionToken(ctx);
        executor.call(ctx, () -> {
            Optional<SignedInAccount> signedIn = useCases.resolveSignIn().signedIn(session);
            if (signedIn.isEmpty()) {
                return new Step.SignInForm(useCases.checkAuthorizationRequest().check(request), loginHint(form), false);
            }
            return new Step.BackToClient(AuthorizationResponses.location(useCases.authorize().authorize(
                    new AuthorizeCommand(request, signedIn.get().account().id(), decision, nonce(form),
                            Optional.of(signedIn.get().signedInAt()))), issuer));
        }, step -> render(ctx, form, step));
    }

    /**
     * {@code POST /oauth/logout}: deletes the session row and clears its cookie. CSRF-protected
     * like every form here, so another site cannot sign the user out. Errors are pages, or JSON
     * for a caller that prefers it.
     */
    void signOut(RoutingContext ctx) {
        cookies.verifyCsrf(ctx, Parameters.fromBody(ctx));
        Optional<String> session = cookies.sessionToken(ctx);
        executor.call(ctx, () -> {
            useCases.signOut().signOut(session);
            return session;
        }, ended -> {
            cookies.endSession(ctx);
            Replies.html(ctx, 200, pages.signedOut(Messages.forAcceptLanguage(ctx.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE))));
        });
    }

    private void authorizeWithApiKey(RoutingContext ctx) {
        if (MediaTypes.quality(ctx.request().getHeader(HttpHeaders.ACCEPT), MediaTypes.JSON) <= 0) {
            throw ErrorCode.NOT_ACCEPTABLE.exception();
        }
        // Repeats are refused before the key is checked, as any malformed request is.
        Parameters received = requestParameters(ctx).requireNoRepeats();
        String key = String.join(",", ctx.request().headers().getAll(ApiEndpoints.API_KEY_HEADER));
        executor.call(ctx, () -> {
            Principal holder = useCases.authenticateApiKey().authenticate(Optional.of(key));
            // Only a key holder uses up a request_uri: a wrong key must not burn the client's request.
            Parameters params = resolved(received);
            // The key authenticates the holder with this very request: auth_time is now.
            return useCases.authorize().authorize(new AuthorizeCommand(request(params), holder.account().id(),
                    ConsentDecision.APPROVE, nonce(params), Optional.empty()));
        }, response -> {
            switch (response) {
                case AuthorizationGranted granted -> {
                    JsonObject body = new JsonObject().put("code", granted.code());
                    granted.state().ifPresent(state -> body.put("state", state));
                    Replies.json(ctx, 200, body.put(AuthorizationResponses.ISS, issuer));
                }
                case AuthorizationDenied denied -> ctx.fail(ErrorCode.ACCESS_DENIED.exception());
            }
        });
    }

    /** A posted form of the browser flow: the CSRF token must match. */
    private Parameters browserForm(RoutingContext ctx) {
        Parameters form = Parameters.fromBody(ctx);
        cookies.verifyCsrf(ctx, form);
        return form;
    }

    /** The query, and a body when there is one (RFC 6749 §3.1 allows POST). */
    static Parameters requestParameters(RoutingContext ctx) {
        Parameters query = Parameters.fromQuery(ctx.request().query());
        if (ctx.request().method() == HttpMethod.POST || BodyReader.body(ctx).length() > 0) {
            return query.and(Parameters.fromBody(ctx));
        }
        return query;
    }

    /**
     * The parameters the request stands for (RFC 9126 §4): those its client pushed, taken once, when
     * it has a {@code request_uri} (everything else it carries is ignored); otherwise its own, once
     * the use case made sure its client need not push. The pages then carry these on, as any
     * request's, so the sign-in and consent round trips need the {@code request_uri} no more.
     */
    private Parameters resolved(Parameters received) {
        if (received.isRepeated("request_uri")) {
            throw ErrorCode.INVALID_REQUEST.exception("Parameter request_uri must not be repeated.");
        }
        return useCases.resolvePushedRequest().resolve(new ResolvePushedRequestCommand(request(received),
                        received.get("request_uri")))
                .map(pushed -> Parameters.of(List.copyOf(pushed.entrySet())))
                .orElse(received);
    }

    /** The request as received, its repeated parameters included: the use case decides what they cost. */
    private static AuthorizationRequest request(Parameters params) {
        return AuthorizationRequest.of(params::get, params.resources(), params.repeated());
    }

    private static OpenIdParameters openId(Parameters params) {
        return new OpenIdParameters(nonce(params), params.get("prompt"),
                params.get("max_age"));
    }

    /**
     * The request's parameters for the way back after a sign-in: all of them, but {@code prompt}
     * without {@code login} and {@code select_account}, which the sign-in just satisfied (kept,
     * they would send the browser to the sign-in page again and again).
     */
    private static List<Map.Entry<String, String>> afterSignIn(Parameters form) {
        Optional<String> prompt = AuthenticationRequirement.parse(form.get("prompt"),
                Optional.empty()).promptAfterSignIn();
        return form.allBut(PAGE_FIELDS).stream()
                .flatMap(field -> !field.getKey().equals("prompt") ? Stream.of(field)
                        : prompt.map(value -> Map.entry("prompt", value)).stream())
                .toList();
    }

    /** OpenID Connect Core §3.1.2.1: the {@code nonce} to bind into the ID token. */
    private static Optional<String> nonce(Parameters params) {
        return params.get("nonce");
    }

    /** OpenID Connect Core §3.1.2.1: {@code login_hint} prefills the email of the sign-in form. */
    private static String loginHint(Parameters params) {
        return params.get("login_hint").orElse("");
    }

    private void render(RoutingContext ctx, Parameters params, Step step) {
        Messages messages = Messages.forRequest(params.get("ui_locales"),
                ctx.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        switch (step) {
            case Step.SignInForm form -> Replies.html(ctx, 200, pages.signIn(messages, form.checked().client().name(),
                    basePath + SIGN_IN_PATH, hiddenFields(ctx, params), form.email(), form.failed()));
            case Step.ConsentForm form -> Replies.html(ctx, 200, pages.consent(messages, form.checked().client().name(),
                    form.checked().scopes(), form.account(), basePath + CONSENT_PATH, hiddenFields(ctx, params),
                    basePath + SIGN_OUT_PATH, Html.hidden(BrowserCookies.CSRF_FIELD, cookies.csrfToken(ctx))));
            case Step.SessionStarted started -> {
                cookies.startSession(ctx, started.session());
                Replies.redirect(ctx, 303, AuthorizationResponses.location(basePath + AUTHORIZE_PATH, started.back()));
            }
            case Step.BackToClient back -> Replies.redirect(ctx, 302, back.location());
        }
    }

    /** Every parameter of the request and the CSRF token, for the next form post. */
    private Html hiddenFields(RoutingContext ctx, Parameters params) {
        Html hidden = Html.hidden(BrowserCookies.CSRF_FIELD, cookies.csrfToken(ctx));
        for (Map.Entry<String, String> field : params.allBut(PAGE_FIELDS)) {
            hidden = hidden.append(Html.hidden(field.getKey(), field.getValue()));
        }
        return hidden;
    }
}
