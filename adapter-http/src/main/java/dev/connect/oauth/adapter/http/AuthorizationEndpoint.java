package dev.connect.oauth.adapter.http;

import dev.connect.oauth.application.port.in.AuthorizationGranted;
import dev.connect.oauth.application.port.in.AuthorizationPlan;
import dev.connect.oauth.application.port.in.AuthorizationRedirectException;
import dev.connect.oauth.application.port.in.AuthorizationRequest;
import dev.connect.oauth.application.port.in.AuthorizeCommand;
import dev.connect.oauth.application.port.in.CheckedAuthorization;
import dev.connect.oauth.application.port.in.OpenIdParameters;
import dev.connect.oauth.application.port.in.PlanAuthorizationCommand;
import dev.connect.oauth.application.port.in.Principal;
import dev.connect.oauth.application.port.in.RequestSource;
import dev.connect.oauth.application.port.in.SignInCommand;
import dev.connect.oauth.application.port.in.SignedIn;
import dev.connect.oauth.application.port.in.SignedInAccount;
import dev.connect.oauth.application.port.in.TooManyAttemptsException;
import dev.connect.oauth.domain.Account;
import dev.connect.oauth.domain.AuthenticationRequirement;
import dev.connect.oauth.domain.ErrorCode;
import dev.connect.oauth.domain.OAuthException;
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
 * {@code access_denied}. Both forms carry the request's parameters and a CSRF token; each post
 * checks the request again, so a tampered field gains nothing. The forms carry every parameter of
 * the request, whatever it is ({@code nonce}, {@code prompt}, {@code max_age}, {@code ui_locales}...),
 * so each reaches the approval intact. Every authorization response names the issuer in {@code iss}
 * (RFC 9207), the JSON answer of the API form too. The consent page also offers
 * logout, a CSRF-protected post to {@code /oauth/logout} that deletes the session and its cookie.
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
    private final TokenBuckets signInPerSource;
    private final RequestSources sources;
    private final String basePath;
    private final String issuer;

    AuthorizationEndpoint(HttpUseCases useCases, UseCaseExecutor executor, Pages pages, BrowserCookies cookies,
                          TokenBuckets signInPerSource, RequestSources sources, String basePath, String issuer) {
        this.issuer = Objects.requireNonNull(issuer, "issuer");
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
        ctx.put(ErrorMapper.AS_PAGE, !MediaTypes.prefersJson(ctx.request().getHeader(HttpHeaders.ACCEPT)));
        ctx.put(ErrorMapper.REDIRECT_ERRORS, true);
        Parameters params = requestParameters(ctx);
        requireSingleClientAndRedirect(params);
        AuthorizationRequest request = request(params);
        String session = cookies.sessionToken(ctx);
        executor.call(ctx, () -> {
            if (params.hasRepeats()) {
                check(request, params);
            }
            AuthorizationPlan plan = useCases.planAuthorization().plan(new PlanAuthorizationCommand(request,
                    openId(params), Optional.ofNullable(session)));
            return switch (plan) {
                case AuthorizationPlan.SignIn signIn -> new Step.SignInForm(signIn.checked(), loginHint(params), false);
                case AuthorizationPlan.Consent consent -> new Step.ConsentForm(consent.checked(), consent.account());
                case AuthorizationPlan.Approved approved ->
                        new Step.BackToClient(AuthorizationResponses.success(approved.granted(), issuer));
            };
        }, step -> render(ctx, params, step));
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
                SignedIn session = useCases.signIn().signIn(new SignInCommand(email, password, source));
                return new Step.SessionStarted(session, afterSignIn(form));
            } catch (TooManyAttemptsException limited) {
                throw HttpProblem.tooManyRequests(limited.retryAfter());
            } catch (OAuthException refused) {
                // A wrong password, an unknown or malformed email: the same answer for all.
                return new Step.SignInForm(checked, email == null ? "" : email, true);
            }
        }, step -> render(ctx, form, step));
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
            Optional<SignedInAccount> signedIn = useCases.resolveSignIn().signedIn(session);
            if (signedIn.isEmpty()) {
                return new Step.SignInForm(checked, loginHint(form), false);
            }
            if (decision.equals("deny")) {
                return new Step.BackToClient(AuthorizationResponses.error(checked.redirectUri(),
                        ErrorCode.ACCESS_DENIED.exception(), checked.state(), issuer));
            }
            AuthorizationGranted granted = useCases.authorize().authorize(new AuthorizeCommand(request,
                    signedIn.get().account().id(), nonce(form), Optional.of(signedIn.get().signedInAt())));
            return new Step.BackToClient(AuthorizationResponses.success(granted, issuer));
        }, step -> render(ctx, form, step));
    }

    /**
     * {@code POST /oauth/logout}: deletes the session row and clears its cookie. CSRF-protected
     * like every form here, so another site cannot sign the user out. Errors are pages, or JSON
     * for a caller that prefers it.
     */
    void signOut(RoutingContext ctx) {
        ctx.put(ErrorMapper.AS_PAGE, !MediaTypes.prefersJson(ctx.request().getHeader(HttpHeaders.ACCEPT)));
        cookies.verifyCsrf(ctx, Parameters.fromBody(ctx));
        String session = cookies.sessionToken(ctx);
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
        Parameters params = requestParameters(ctx).requireNoRepeats();
        AuthorizationRequest request = request(params);
        List<String> keys = ctx.request().headers().getAll(ApiEndpoints.API_KEY_HEADER);
        String key = keys.size() == 1 ? keys.getFirst() : String.join(",", keys);
        executor.call(ctx, () -> {
            Principal holder = useCases.authenticateApiKey().authenticate(key);
            // The key authenticates the holder with this very request: auth_time is now.
            return useCases.authorize().authorize(new AuthorizeCommand(request, holder.account().id(), nonce(params),
                    Optional.empty()));
        }, granted -> {
            JsonObject body = new JsonObject().put("code", granted.code());
            granted.state().ifPresent(state -> body.put("state", state));
            Replies.json(ctx, 200, body.put(AuthorizationResponses.ISS, issuer));
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
    static Parameters requestParameters(RoutingContext ctx) {
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

    private static OpenIdParameters openId(Parameters params) {
        return new OpenIdParameters(nonce(params), Optional.ofNullable(params.get("prompt")),
                Optional.ofNullable(params.get("max_age")));
    }

    /**
     * The request's parameters for the way back after a sign-in: all of them, but {@code prompt}
     * without {@code login} and {@code select_account}, which the sign-in just satisfied (kept,
     * they would send the browser to the sign-in page again and again).
     */
    private static List<Map.Entry<String, String>> afterSignIn(Parameters form) {
        Optional<String> prompt = AuthenticationRequirement.parse(Optional.ofNullable(form.get("prompt")),
                Optional.empty()).promptAfterSignIn();
        return form.allBut(PAGE_FIELDS).stream()
                .flatMap(field -> !field.getKey().equals("prompt") ? Stream.of(field)
                        : prompt.map(value -> Map.entry("prompt", value)).stream())
                .toList();
    }

    /** OpenID Connect Core §3.1.2.1: the {@code nonce} to bind into the ID token. */
    private static Optional<String> nonce(Parameters params) {
        return Optional.ofNullable(params.get("nonce"));
    }

    /** OpenID Connect Core §3.1.2.1: {@code login_hint} prefills the email of the sign-in form. */
    private static String loginHint(Parameters params) {
        return Optional.ofNullable(params.get("login_hint")).orElse("");
    }

    private void render(RoutingContext ctx, Parameters params, Step step) {
        Messages messages = Messages.forRequest(Optional.ofNullable(params.get("ui_locales")),
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
