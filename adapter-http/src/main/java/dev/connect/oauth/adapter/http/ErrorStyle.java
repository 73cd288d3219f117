package dev.connect.oauth.adapter.http;

import dev.connect.oauth.domain.ErrorCode;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * How a route answers its errors, declared with the route in the {@link RouteTable}: the JSON of
 * API.md §1, a page of the browser flow, and whether an authorization error goes back to the
 * client's verified redirect URI (RFC 6749 §4.1.2.1).
 */
enum ErrorStyle {
    /** The JSON error of API.md §1: the OAuth endpoints called by programs, and the API. */
    JSON,
    /**
     * The token endpoint: JSON, where an OAuth error is 400 unless client authentication failed
     * (RFC 6749 §5.2), so that the device grant's {@code access_denied} (RFC 8628 §3.5) is not the
     * 403 it is elsewhere. HTTP-level errors (413, 415, 429, 503 ...) keep their status.
     */
    TOKEN,
    /**
     * The authorization endpoint: a program calling with its API key ({@code ACCESSTOKEN}) gets
     * JSON; a browser gets errors found after the redirect URI was verified redirected to the
     * client, and the others as a page, or as JSON when it prefers JSON.
     */
    AUTHORIZATION,
    /** The sign-in and consent forms: verified-redirect errors go to the client, the others are a page. */
    AUTHORIZATION_FORM,
    /** A page of the browser flow, or JSON for a caller that prefers it (logout). */
    PAGE;

    /** Whether an {@code AuthorizationRedirectException} goes back to the client. */
    boolean redirectsToClient(RoutingContext ctx) {
        return switch (this) {
            case AUTHORIZATION -> !calledWithApiKey(ctx);
            case AUTHORIZATION_FORM -> true;
            case JSON, TOKEN, PAGE -> false;
        };
    }

    /** The HTTP status of {@code code} on a route of this style. */
    int status(ErrorCode code) {
        return this == TOKEN && code == ErrorCode.ACCESS_DENIED ? 400 : ErrorStatus.of(code);
    }

    /** Whether the error is rendered as an HTML page rather than JSON. */
    boolean rendersPage(RoutingContext ctx) {
        return switch (this) {
            case AUTHORIZATION -> !calledWithApiKey(ctx) && !prefersJson(ctx);
            case AUTHORIZATION_FORM -> true;
            case PAGE -> !prefersJson(ctx);
            case JSON, TOKEN -> false;
        };
    }

    private static boolean calledWithApiKey(RoutingContext ctx) {
        return ctx.request().headers().contains(ApiEndpoints.API_KEY_HEADER);
    }

    private static boolean prefersJson(RoutingContext ctx) {
        return MediaTypes.prefersJson(ctx.request().getHeader(HttpHeaders.ACCEPT));
    }
}
