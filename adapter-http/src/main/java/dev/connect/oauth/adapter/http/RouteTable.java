package dev.connect.oauth.adapter.http;

import dev.connect.oauth.domain.ErrorCode;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Registers the routes, remembering which methods each path template answers, so that a known
 * path called with another method gets 405 with {@code Allow} (RFC 9110 §15.5.6) and an unknown
 * path a JSON 404. Each route declares its {@link ErrorStyle} (JSON unless said otherwise). Each
 * matched request is tagged with its path template, the bounded label of the metrics, and the
 * style of its route, which the {@link ErrorMapper} follows.
 */
final class RouteTable {
    static final String ROUTE_KEY = "connect.route";
    static final String UNMATCHED = "unmatched";
    private static final String ERROR_STYLE_KEY = "connect.errorStyle";

    /** The methods of RFC 9110 §9 and PATCH: anything else is not implemented (501). */
    private static final Set<HttpMethod> IMPLEMENTED = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.POST,
            HttpMethod.PUT, HttpMethod.DELETE, HttpMethod.CONNECT, HttpMethod.OPTIONS, HttpMethod.TRACE, HttpMethod.PATCH);

    private final Router router;
    private final Map<String, Set<HttpMethod>> methods = new LinkedHashMap<>();

    RouteTable(Router router) {
        this.router = Objects.requireNonNull(router, "router");
    }

    /** Serves {@code path} for {@code method} with the handlers, in order; errors as {@link ErrorStyle#JSON}. */
    @SafeVarargs
    final RouteTable on(HttpMethod method, String path, Handler<RoutingContext>... handlers) {
        return on(ErrorStyle.JSON, method, path, handlers);
    }

    /** The same handlers on each of the paths (the {@code /oauth/x} and {@code /x} aliases). */
    @SafeVarargs
    final RouteTable on(HttpMethod method, List<String> paths, Handler<RoutingContext>... handlers) {
        return on(ErrorStyle.JSON, method, paths, handlers);
    }

    /** Serves {@code path} for {@code method} with the handlers, in order, answering errors in {@code style}. */
    @SafeVarargs
    final RouteTable on(ErrorStyle style, HttpMethod method, String path, Handler<RoutingContext>... handlers) {
        Objects.requireNonNull(style, "style");
        methods.computeIfAbsent(path, p -> new TreeSet<>((a, b) -> a.name().compareTo(b.name()))).add(method);
        Route route = router.route(method, path).handler(ctx -> tag(ctx, path, style));
        for (Handler<RoutingContext> handler : handlers) {
            route.handler(handler);
        }
        return this;
    }

    /** The same handlers and style on each of the paths. */
    @SafeVarargs
    final RouteTable on(ErrorStyle style, HttpMethod method, List<String> paths, Handler<RoutingContext>... handlers) {
        paths.forEach(path -> on(style, method, path, handlers));
        return this;
    }

    /** The methods {@code path} (a template as registered) serves; empty for an unknown path. */
    Set<HttpMethod> methodsOf(String path) {
        return methods.getOrDefault(path, Set.of());
    }

    /** Adds the 405 answers of every registered path, then the 404 of everything else. Call last. */
    void finish() {
        methods.forEach((path, allowed) -> router.route(path).handler(ctx -> tag(ctx, path, ErrorStyle.JSON))
                .handler(ctx -> ctx.fail(HttpProblem.methodNotAllowed(allowed))));
        router.route().last().handler(ctx -> ctx.fail(404));
    }

    /**
     * Refuses, before any route is matched, a path that does not percent-decode to UTF-8: the
     * router would fail decoding its parameters.
     */
    static void requireDecodablePath(RoutingContext ctx) {
        if (FormCodec.isDecodablePath(ctx.request().path())) {
            ctx.next();
        } else {
            ctx.fail(ErrorCode.BAD_REQUEST.exception("Bad Request -- The path is not valid percent-encoded UTF-8."));
        }
    }

    /**
     * Answers 501 to a request method the server does not implement at all (RFC 9110 §15.6.2),
     * whatever the path; a method it implements elsewhere gets 405 or 404 as usual.
     */
    static void requireImplementedMethod(RoutingContext ctx) {
        if (IMPLEMENTED.contains(ctx.request().method())) {
            ctx.next();
        } else {
            ctx.fail(ErrorCode.NOT_SUPPORTED.exception(
                    "Not Supported -- The server does not implement the method " + ctx.request().method().name() + "."));
        }
    }

    static String route(RoutingContext ctx) {
        String route = ctx.get(ROUTE_KEY);
        return route == null ? UNMATCHED : route;
    }

    /**
     * The error style of the route that matched: JSON before any did (a failure of the handlers
     * every request passes first, or a path no route serves).
     */
    static ErrorStyle errorStyle(RoutingContext ctx) {
        ErrorStyle style = ctx.get(ERROR_STYLE_KEY);
        return style == null ? ErrorStyle.JSON : style;
    }

    private static void tag(RoutingContext ctx, String path, ErrorStyle style) {
        ctx.put(ROUTE_KEY, path);
        ctx.put(ERROR_STYLE_KEY, style);
        ctx.next();
    }
}
