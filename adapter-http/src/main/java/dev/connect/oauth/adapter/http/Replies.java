package dev.connect.oauth.adapter.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Writes the bodies of successful answers; errors go through {@link ErrorMapper}. */
final class Replies {
    static final String JSON = "application/json; charset=utf-8";
    static final String HTML = "text/html; charset=utf-8";

    private Replies() {
    }

    static void json(RoutingContext ctx, int status, JsonObject body) {
        json(ctx, status, body.encode());
    }

    static void json(RoutingContext ctx, int status, String body) {
        ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, JSON).end(body);
    }

    static void noContent(RoutingContext ctx) {
        ctx.response().setStatusCode(204).end();
    }

    static void html(RoutingContext ctx, int status, String page) {
        ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, HTML).end(page);
    }

    /** A 302 (RFC 6749 §4.1.2) or 303 redirect; the Location is built by the caller, already encoded. */
    static void redirect(RoutingContext ctx, int status, String location) {
        ctx.response().setStatusCode(status).putHeader(HttpHeaders.LOCATION, location).end();
    }
}
