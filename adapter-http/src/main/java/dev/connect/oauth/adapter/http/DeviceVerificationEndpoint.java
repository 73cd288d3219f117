package dev.connect.oauth.adapter.http;

import dev.connect.oauth.application.port.in.ConsentDecision;
import dev.connect.oauth.application.port.in.DecideDeviceAuthorizationCommand;
import dev.connect.oauth.application.port.in.PendingDeviceAuthorization;
import dev.connect.oauth.application.port.in.RequestSource;
import dev.connect.oauth.application.port.in.SignInCommand;
import dev.connect.oauth.application.port.in.SignedIn;
import dev.connect.oauth.application.port.in.SignedInAccount;
import dev.connect.oauth.application.port.in.TooManyAttemptsException;
import dev.connect.oauth.application.port.in.UserCodeAttempt;
import dev.connect.oauth.domain.Account;
import dev.connect.oauth.domain.ErrorCode;
import dev.connect.oauth.domain.OAuthException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The verification page of the device grant (RFC 8628 §3.3), {@code /device}: the person signs in
 * (the same sign-in and session as the authorization endpoint's pages), enters the user code shown
 * on the device, or arrives with it filled in from {@code verification_uri_complete}, and approves or
 * denies on a consent page that names the client, the scopes and the code to compare with the
 * device's. Every form carries the CSRF token. A wrong code shows the form again saying so; past the
 * wrong-code limit the form says when to try again (429 with {@code Retry-After}).
 */
final class DeviceVerificationEndpoint {
    static final String SIGN_IN_PATH = DeviceAuthorizationEndpoint.VERIFICATION_PATH + "/sign-in";
    static final String CONSENT_PATH = DeviceAuthorizationEndpoint.VERIFICATION_PATH + "/consent";
    private static final String USER_CODE = "user_code";

    private final HttpUseCases useCases;
    private final UseCaseExecutor executor;
    private final Pages pages;
    private final BrowserCookies cookies;
    private final PageSignIn pageSignIn;
    private final RequestSources sources;
    private final String basePath;

    DeviceVerificationEndpoint(HttpUseCases useCases, UseCaseExecutor executor, Pages pages, BrowserCookies cookies,
                               PageSignIn pageSignIn, RequestSources sources, String basePath) {
        this.useCases = Objects.requireNonNull(useCases, "useCases");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.pages = Objects.requireNonNull(pages, "pages");
        this.cookies = Objects.requireNonNull(cookies, "cookies");
        this.pageSignIn = Objects.requireNonNull(pageSignIn, "pageSignIn");
        this.sources = Objects.requireNonNull(sources, "sources");
        this.basePath = Objects.requireNonNull(basePath, "basePath");
    }

    /** What to show after a use case ran. */
    private sealed interface Step {
        record SignInForm(Optional<String> code, String email, boolean failed) implements Step {
        }

        /** @param status 200, or 429 past the wrong-code limit */
        record CodeForm(String code, Optional<String> alert, int status, Optional<Duration> retryAfter)
                implements Step {
        }

        record ConsentForm(PendingDeviceAuthorization pending, Account account) implements Step {
        }

        record SessionStarted(SignedIn session, Optional<String> code) implements Step {
        }

        record Decided(PendingDeviceAuthorization pending, boolean approved) implements Step {
        }
    }

    /** {@code GET /device}, with {@code user_code} from {@code verification_uri_complete} or without. */
    void show(RoutingContext ctx) {
        Parameters query = Parameters.fromQuery(ctx.request().query());
        Optional<String> code = query.get(USER_CODE).filter(value -> !value.isBlank());
        Messages messages = messages(ctx);
        executor.call(ctx, () -> withCode(ctx, code, messages), step -> render(ctx, messages, step));
    }

    /** {@code POST /device}: the code entered in the form. */
    void enter(RoutingContext ctx) {
        Parameters form = browserForm(ctx);
        String code = form.get(USER_CODE).orElse("");
        Messages messages = messages(ctx);
        executor.call(ctx, () -> withCode(ctx, Optional.of(code), messages), step -> render(ctx, messages, step));
    }

    /** {@code POST /device/sign-in}: opens the session, then back to {@code /device} with the code, if any. */
    void signIn(RoutingContext ctx) {
        Parameters form = browserForm(ctx);
        Optional<String> code = form.get(USER_CODE).filter(value -> !value.isBlank());
        SignInCommand attempt = pageSignIn.admit(ctx, form);
        Messages messages = messages(ctx);
        executor.call(ctx, () -> pageSignIn.attempt(attempt, session -> new Step.SessionStarted(session, code),
                () -> new Step.SignInForm(code, attempt.email().orElse(""), true)),
                step -> render(ctx, messages, step));
    }

    /** {@code POST /device/consent}: Approve or Deny the request of the code in the form. */
    void consent(RoutingContext ctx) {
        Parameters form = browserForm(ctx);
        String code = form.get(USER_CODE).orElse("");
        ConsentDecision decision = form.get("decision").flatMap(ConsentDecision::parse)
                .orElseThrow(() -> ErrorCode.INVALID_REQUEST.exception("decision must be approve or deny."));
        Optional<String> session = cookies.sessionToken(ctx);
        RequestSource source = sources.of(ctx);
        Messages messages = messages(ctx);
        executor.call(ctx, () -> {
            Optional<SignedInAccount> signedIn = useCases.resolveSignIn().signedIn(session);
            if (signedIn.isEmpty()) {
                return new Step.SignInForm(Optional.of(code), "", false);
            }
            UserCodeAttempt attempt = new UserCodeAttempt(code, signedIn.get().account().id(), source);
            return codeProblem(code, messages, () -> new Step.Decided(useCases.decideDeviceAuthorization().decide(
                    new DecideDeviceAuthorizationCommand(attempt, decision, Optional.of(signedIn.get().signedInAt()))),
                    decision instanceof ConsentDecision.Approve));
        }, step -> render(ctx, messages, step));
    }

    /** The page for {@code code} (none: the form asking for it) as seen by the session's account. */
    private Step withCode(RoutingContext ctx, Optional<String> code, Messages messages) {
        Optional<SignedInAccount> signedIn = useCases.resolveSignIn().signedIn(cookies.sessionToken(ctx));
        if (signedIn.isEmpty()) {
            return new Step.SignInForm(code, "", false);
        }
        if (code.isEmpty()) {
            return new Step.CodeForm("", Optional.empty(), 200, Optional.empty());
        }
        Account account = signedIn.get().account();
        UserCodeAttempt attempt = new UserCodeAttempt(code.get(), account.id(), sources.of(ctx));
        return codeProblem(code.get(), messages, () -> new Step.ConsentForm(
                useCases.findDeviceAuthorization().find(attempt), account));
    }

    /** {@code step}, or the code form saying what is wrong with {@code code}. */
    private static Step codeProblem(String code, Messages messages, Supplier<Step> step) {
        try {
            return step.get();
        } catch (TooManyAttemptsException limited) {
            long minutes = Math.max(1, (limited.retryAfter().toSeconds() + 59) / 60);
            return new Step.CodeForm(code, Optional.of(messages.text("device.tooMany", Long.toString(minutes))), 429,
                    Optional.of(limited.retryAfter()));
        } catch (OAuthException refused) {
            String key = switch (refused.errorCode()) {
                case NOT_FOUND -> "device.notFound";
                case EXPIRED_TOKEN -> "device.expired";
                case INVALID_GRANT -> "device.used";
                default -> throw refused;
            };
            // The form again saying so, like a failed sign-in: the page is the answer, not an error.
            return new Step.CodeForm(code, Optional.of(messages.text(key)), 200, Optional.empty());
        }
    }

    private void render(RoutingContext ctx, Messages messages, Step step) {
        Html csrf = Html.hidden(BrowserCookies.CSRF_FIELD, cookies.csrfToken(ctx));
        switch (step) {
            case Step.SignInForm form -> Replies.html(ctx, 200, pages.deviceSignIn(messages, basePath + SIGN_IN_PATH,
                    form.code().map(code -> csrf.append(Html.hidden(USER_CODE, code))).orElse(csrf), form.email(),
                    form.failed()));
            case Step.CodeForm form -> {
                form.retryAfter().ifPresent(wait -> ctx.response().putHeader("Retry-After",
                        Long.toString(Math.max(1, wait.toSeconds()))));
                Replies.html(ctx, form.status(), pages.deviceCode(messages,
                        basePath + DeviceAuthorizationEndpoint.VERIFICATION_PATH, csrf, form.code(), form.alert()));
            }
            case Step.ConsentForm form -> Replies.html(ctx, 200, pages.deviceConsent(messages,
                    form.pending().clientName(), form.pending().userCode().display(), form.pending().scopes(),
                    form.account(), basePath + CONSENT_PATH,
                    csrf.append(Html.hidden(USER_CODE, form.pending().userCode().display())),
                    basePath + AuthorizationEndpoint.SIGN_OUT_PATH, csrf));
            case Step.SessionStarted started -> {
                cookies.startSession(ctx, started.session());
                String back = basePath + DeviceAuthorizationEndpoint.VERIFICATION_PATH;
                Replies.redirect(ctx, 303, started.code()
                        .map(code -> AuthorizationResponses.location(back, List.of(Map.entry(USER_CODE, code))))
                        .orElse(back));
            }
            case Step.Decided decided -> Replies.html(ctx, 200,
                    pages.deviceDecided(messages, decided.pending().clientName(), decided.approved()));
        }
    }

    /** A posted form: the CSRF token must match. */
    private Parameters browserForm(RoutingContext ctx) {
        Parameters form = Parameters.fromBody(ctx);
        cookies.verifyCsrf(ctx, form);
        return form;
    }

    private static Messages messages(RoutingContext ctx) {
        return Messages.forAcceptLanguage(ctx.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE));
    }
}
