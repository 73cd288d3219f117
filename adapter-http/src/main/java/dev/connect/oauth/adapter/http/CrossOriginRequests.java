package dev.connect.oauth.adapter.http;

import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * CORS (Fetch standard §3.2) for the endpoints a single-page app calls with {@code fetch}: token,
 * refresh, revoke, info, invalidate, JWKS and metadata. A request whose {@code Origin} is on the
 * allowlist gets {@code Access-Control-Allow-Origin} naming it, on errors too (the app could not
 * read a 401 otherwise); its preflight is answered 204 with the path's methods. No
 * {@code Access-Control-Allow-Credentials}: these endpoints read no cookies.
 *
 * <p>An origin not on the list gets no CORS header, and its preflight goes on to the router like
 * any {@code OPTIONS}: 405 with {@code Allow}. Turning CORS on thus changes nothing for callers
 * not on the list, and a 403 would add nothing: the browser fails a preflight without
 * {@code Access-Control-Allow-Origin} whatever its status.
 *
 * <p>The authorization endpoint, the sign-in and consent pages and the API are never on the list
 * of paths: pages are navigated to, not fetched, and an API key must not be usable from any page.
 * Runs before version negotiation and maintenance, so their refusals reach the app readable, and
 * a preflight is answered even in maintenance.
 */
final class CrossOriginRequests implements Handler<RoutingContext> {
    static final String ALLOWED_HEADERS = "Authorization, Content-Type, X-VERSION, X-Request-Id, DPoP";
    static final String EXPOSED_HEADERS = "X-VERSION, X-VERSION-NOTICE, X-Request-Id, WWW-Authenticate, Retry-After, "
            + "DPoP-Nonce";
    /** Seconds a browser may reuse a preflight answer: short, so a removed origin loses access soon. */
    static final String MAX_AGE = "600";

    private final Set<String> origins;
    private final Set<String> paths;
    private final Function<String, Set<HttpMethod>> methods;

    /**
     * @param origins the allowed origins, compared with {@code Origin} as strings
     * @param paths   the paths that answer cross-origin requests
     * @param methods the methods each path serves, named in a preflight answer
     */
    CrossOriginRequests(Set<String> origins, Set<String> paths, Function<String, Set<HttpMethod>> methods) {
        this.origins = Set.copyOf(origins);
        this.paths = Set.copyOf(paths);
        this.methods = Objects.requireNonNull(methods, "methods");
    }

    @Override
    public void handle(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        if (!paths.contains(path)) {
            ctx.next();
            return;
        }
        MultiMap headers = ctx.response().headers();
        // The answer depends on Origin, whether or not this one is allowed (Fetch §3.2.5).
        headers.add("Vary", "Origin");
        String origin = ctx.request().getHeader("Origin");
        if (origin == null || !origins.contains(origin)) {
            ctx.next();
            return;
        }
        headers.set("Access-Control-Allow-Origin", origin);
        if (ctx.request().method() == HttpMethod.OPTIONS && ctx.request().getHeader("Access-Control-Request-Method") != null) {
            ctx.put(RouteTable.ROUTE_KEY, path);
            headers.set("Access-Control-Allow-Methods", HttpProblem.methodList(methods.apply(path)))
                    .set("Access-Control-Allow-Headers", ALLOWED_HEADERS)
                    .set("Access-Control-Max-Age", MAX_AGE);
            Replies.noContent(ctx);
            return;
        }
        headers.set("Access-Control-Expose-Headers", EXPOSED_HEADERS);
        ctx.next();
    }
}
