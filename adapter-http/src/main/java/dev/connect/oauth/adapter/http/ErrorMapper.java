package dev.connect.oauth.adapter.http;

import dev.connect.oauth.application.port.in.AuthorizationRedirectException;
import dev.connect.oauth.application.port.in.PresentedAccessToken;
import dev.connect.oauth.application.port.out.StoreUnavailableException;
import dev.connect.oauth.application.port.out.TemporarilyUnavailableException;
import dev.connect.oauth.domain.ErrorCode;
import dev.connect.oauth.domain.OAuthException;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The one place a failure becomes an answer (API.md §1): an {@link OAuthException} travels with
 * the status of {@link ErrorStatus} and the body {@code {"error", "error_description", "code"}};
 * an unreachable store or an adapter at capacity is 503 with {@code Retry-After}; anything else is a 500 with a generic
 * message and the request id, its detail only in the log. The matched route's {@link ErrorStyle}
 * decides the rest: pages of the browser flow get the same status as an HTML page, and their
 * authorization errors, once the redirect URI is known to be the client's, are redirected to it.
 * At a protected resource, a failed DPoP proof is 401 (400 at the token endpoint) and the
 * challenges follow the scheme the token came with: {@code DPoP} for the DPoP scheme, {@code Bearer}
 * followed by {@code DPoP algs=...} otherwise (RFC 9449 §7.1).
 */
final class ErrorMapper implements Handler<RoutingContext> {
    /** Context key: the client authenticated with HTTP Basic (RFC 6749 §5.2: 401 + challenge). */
    static final String BASIC_AUTH_USED = "connect.basicAuthUsed";

    private static final System.Logger LOG = System.getLogger(ErrorMapper.class.getName());
    private static final String WWW_AUTHENTICATE = "WWW-Authenticate";
    private static final String BASIC_CHALLENGE = "Basic realm=\"connect\", charset=\"UTF-8\"";

    private final Duration retryAfter;
    private final ErrorPage errorPage;
    private final CommonHeaders commonHeaders;
    private final String issuer;
    private final DpopExchange dpop;

    /** @param issuer named by {@code iss} in every authorization error response (RFC 9207 §2) */
    ErrorMapper(Duration retryAfter, ErrorPage errorPage, CommonHeaders commonHeaders, String issuer,
                DpopExchange dpop) {
        this.dpop = Objects.requireNonNull(dpop, "dpop");
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
        this.errorPage = Objects.requireNonNull(errorPage, "errorPage");
        this.commonHeaders = Objects.requireNonNull(commonHeaders, "commonHeaders");
    }

    /** Renders an error as a page of the browser flow. */
    @FunctionalInterface
    interface ErrorPage {
        void render(RoutingContext ctx, int status, OAuthException error);
    }

    @Override
    public void handle(RoutingContext ctx) {
        HttpServerResponse response = ctx.response();
        if (!response.headWritten()) {
            commonHeaders.ensureApplied(ctx);
        }
        OAuthException error = translate(ctx);
        if (response.headWritten() || response.closed()) {
            // Too late for an error answer: the client gets a cut-off response.
            try (RequestTelemetry.LogContext log = RequestTelemetry.logContext(ctx)) {
                LOG.log(Level.WARNING, "Request {0} failed after its answer started: {1}", CommonHeaders.requestId(ctx),
                        error.errorCode().error());
            }
            response.reset();
            return;
        }
        ErrorStyle style = RouteTable.errorStyle(ctx);
        if (error instanceof AuthorizationRedirectException redirect && style.redirectsToClient(ctx)) {
            Replies.redirect(ctx, 302, AuthorizationResponses.error(redirect.redirectUri(), redirect, redirect.state(),
                    issuer));
            return;
        }
        int status = style.status(error.errorCode());
        response.headers().remove(HttpHeaders.LOCATION);
        if (error instanceof HttpProblem problem) {
            problem.headers().forEach(response::putHeader);
        }
        PresentedAccessToken.Scheme resourceScheme = ctx.get(DpopExchange.RESOURCE_SCHEME);
        boolean dpopError = ErrorStatus.isDpopProofError(error.errorCode());
        if (resourceScheme != null && dpopError) {
            status = ErrorStatus.RESOURCE_DPOP_PROOF_STATUS;
        }
        String bearer = ErrorStatus.bearerChallenge(error.errorCode());
        if (resourceScheme == PresentedAccessToken.Scheme.DPOP || (resourceScheme != null && dpopError)) {
            response.putHeader(WWW_AUTHENTICATE, dpop.challenge(Optional.of(error.errorCode())));
        } else if (bearer != null) {
            response.putHeader(WWW_AUTHENTICATE, bearer);
            if (resourceScheme != null && status == 401) {
                response.headers().add(WWW_AUTHENTICATE, dpop.challenge(Optional.empty()));
            }
        }
        if (error.errorCode() == ErrorCode.INVALID_CLIENT && Boolean.TRUE.equals(ctx.get(BASIC_AUTH_USED))) {
            response.putHeader("WWW-Authenticate", BASIC_CHALLENGE);
        }
        if (style.rendersPage(ctx)) {
            errorPage.render(ctx, status, error);
        } else if (error instanceof AuthorizationRedirectException redirect) {
            // An authorization error answered as JSON (the API-key form) carries what the redirect
            // would: the state (RFC 6749 §4.1.2.1) and the issuer (RFC 9207 §2).
            JsonObject body = body(error);
            redirect.state().ifPresent(state -> body.put("state", state));
            Replies.json(ctx, status, body.put(AuthorizationResponses.ISS, issuer));
        } else {
            Replies.json(ctx, status, body(error));
        }
    }

    static JsonObject body(OAuthException error) {
        return new JsonObject()
                .put("error", error.errorCode().error())
                .put("error_description", error.description())
                .put("code", error.errorCode().code());
    }

    private OAuthException translate(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        if (failure instanceof OAuthException error) {
            return error;
        }
        if (failure instanceof StoreUnavailableException unavailable) {
            try (RequestTelemetry.LogContext log = RequestTelemetry.logContext(ctx)) {
                LOG.log(Level.WARNING, "Request {0}: store unavailable: {1}", CommonHeaders.requestId(ctx),
                        unavailable.getMessage());
            }
            return HttpProblem.unavailable("The database is unavailable. Try again later.", retryAfter);
        }
        if (failure instanceof TemporarilyUnavailableException busy) {
            // Not logged: under a flood this is the expected answer, once per refused request.
            return HttpProblem.unavailable("The server is busy. Try again later.", busy.retryAfter().orElse(retryAfter));
        }
        if (failure instanceof HttpException http && http.getStatusCode() < 500) {
            return fromStatus(http.getStatusCode());
        }
        if (failure == null && ctx.statusCode() < 500) {
            return fromStatus(ctx.statusCode());
        }
        String requestId = CommonHeaders.requestId(ctx);
        try (RequestTelemetry.LogContext log = RequestTelemetry.logContext(ctx)) {
            LOG.log(Level.ERROR, "Request " + requestId + " " + ctx.request().method() + " " + ctx.request().path()
                    + " failed", failure);
        }
        return ErrorCode.SERVER_ERROR.exception(ErrorCode.SERVER_ERROR.description() + " Request id: " + requestId + ".");
    }

    /** Failures Vert.x itself reports by status only. */
    private static OAuthException fromStatus(int status) {
        ErrorCode code = switch (status) {
            case 401 -> ErrorCode.UNAUTHORIZED;
            case 403 -> ErrorCode.FORBIDDEN;
            case 404 -> ErrorCode.NOT_FOUND;
            case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
            case 406 -> ErrorCode.NOT_ACCEPTABLE;
            case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
            case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
            case 429 -> ErrorCode.TOO_MANY_REQUESTS;
            default -> ErrorCode.BAD_REQUEST;
        };
        return code.exception();
    }
}
