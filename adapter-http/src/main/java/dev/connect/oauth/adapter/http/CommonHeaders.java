package dev.connect.oauth.adapter.http;

import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.util.HexFormat;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * The headers every answer carries (API.md §1): {@code X-Request-Id} (the caller's when it is
 * sane, else a new one), {@code X-VERSION} (the latest, until {@link VersionNegotiation} says
 * otherwise), {@code Cache-Control: no-store} (token and credential answers must not
 * be cached, RFC 6749 §5.1, and no answer here gains from caching), and the browser protections
 * of API.md §3: a Content-Security-Policy without inline script, no framing, no referrer, no
 * content sniffing. Under an https issuer, {@code Strict-Transport-Security} too, so that a
 * browser that once reached the server never again tries it over plain http, where a network
 * attacker could strip TLS and read the sign-in form (RFC 6797).
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6797#section-6.1">RFC 6797 §6.1</a>
 */
final class CommonHeaders implements Handler<RoutingContext> {
    static final String REQUEST_ID = "X-Request-Id";
    private static final String REQUEST_ID_KEY = "connect.requestId";
    /** Echoed only when it cannot smuggle anything into a log line or a header. */
    private static final Pattern SANE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    /** One year, the value browsers' preload lists ask for; sent only over an https issuer. */
    private static final String STRICT_TRANSPORT_SECURITY = "max-age=31536000";

    private final String contentSecurityPolicy;
    private final String latestVersion;
    private final boolean httpsIssuer;

    /** @param httpsIssuer whether the issuer is https, so answers carry {@code Strict-Transport-Security} */
    CommonHeaders(String contentSecurityPolicy, String latestVersion, boolean httpsIssuer) {
        this.contentSecurityPolicy = Objects.requireNonNull(contentSecurityPolicy, "contentSecurityPolicy");
        this.latestVersion = Objects.requireNonNull(latestVersion, "latestVersion");
        this.httpsIssuer = httpsIssuer;
    }

    @Override
    public void handle(RoutingContext ctx) {
        ensureApplied(ctx);
        ctx.next();
    }

    /**
     * Applies the headers unless this exchange has them already: the router fails some requests
     * (a target that is not a path) before any handler runs, straight into the error mapper.
     */
    void ensureApplied(RoutingContext ctx) {
        if (ctx.get(REQUEST_ID_KEY) == null) {
            String requestId = requestId(ctx.request());
            ctx.put(REQUEST_ID_KEY, requestId);
            apply(ctx.response().headers(), requestId);
        }
    }

    /** The headers on an answer, also one given outside the router; {@code X-VERSION} says the latest. */
    void apply(MultiMap headers, String requestId) {
        headers.set(REQUEST_ID, requestId)
                .set(VersionNegotiation.HEADER, latestVersion)
                .set("Cache-Control", "no-store")
                .set("Pragma", "no-cache")
                .set("X-Content-Type-Options", "nosniff")
                .set("X-Frame-Options", "DENY")
                .set("Referrer-Policy", "no-referrer")
                .set("Content-Security-Policy", contentSecurityPolicy);
        if (httpsIssuer) {
            headers.set("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
        }
    }

    /** The request id of this exchange ({@code "-"} before this handler ran). */
    static String requestId(RoutingContext ctx) {
        String id = ctx.get(REQUEST_ID_KEY);
        return id == null ? "-" : id;
    }

    /** The caller's id when sane, else a fresh one: 128 bits, unique enough to find a log line. */
    static String requestId(HttpServerRequest request) {
        String offered = request.getHeader(REQUEST_ID);
        if (offered != null && SANE_REQUEST_ID.matcher(offered).matches()) {
            return offered;
        }
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return HexFormat.of().toHexDigits(random.nextLong()) + HexFormat.of().toHexDigits(random.nextLong());
    }
}
