package dev.connect.oauth.adapter.http;

import dev.connect.oauth.application.port.in.SignedIn;
import dev.connect.oauth.domain.ErrorCode;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The browser's cookies: the session from {@code SignInUseCase} ({@code HttpOnly},
 * {@code SameSite=Lax}, {@code Path=/}, {@code Secure} under an https issuer) and the CSRF token.
 *
 * <p>CSRF protection is a double-submit cookie: each form carries the value of a random,
 * {@code SameSite=Strict} cookie, and a post is accepted only when both are present and equal. A
 * cross-site page can make the browser post, but can neither read the cookie nor set it (with
 * https the cookie is {@code __Host-} prefixed, so not even a sibling subdomain can), so it cannot
 * forge the field. Nothing is kept on the server: any node verifies any form (DESIGN.md Scale-out).
 */
final class BrowserCookies {
    static final String CSRF_FIELD = "csrf_token";
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final boolean secure;
    private final String sessionCookie;
    private final String csrfCookie;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    BrowserCookies(boolean secure, Clock clock) {
        this.secure = secure;
        this.clock = Objects.requireNonNull(clock, "clock");
        // RFC 6265bis §4.1.3.2: a __Host- cookie is Secure, host-only and Path=/, so only https can use it.
        this.sessionCookie = secure ? "__Host-connect_session" : "connect_session";
        this.csrfCookie = secure ? "__Host-connect_csrf" : "connect_csrf";
    }

    String sessionCookieName() {
        return sessionCookie;
    }

    String csrfCookieName() {
        return csrfCookie;
    }

    /** The session cookie's value, empty when absent. */
    Optional<String> sessionToken(RoutingContext ctx) {
        return Optional.ofNullable(ctx.request().getCookie(sessionCookie)).map(Cookie::getValue);
    }

    void startSession(RoutingContext ctx, SignedIn session) {
        long maxAge = Math.max(0, Duration.between(clock.instant(), session.expiresAt()).toSeconds());
        ctx.response().addCookie(cookie(sessionCookie, session.sessionToken(), CookieSameSite.LAX).setMaxAge(maxAge));
    }

    /** Clears the session cookie (logout): an expired cookie of the same name, path and flags. */
    void endSession(RoutingContext ctx) {
        ctx.response().addCookie(cookie(sessionCookie, "", CookieSameSite.LAX).setMaxAge(0));
    }

    /** The CSRF token for a form: the cookie's when it has one, else a new one set as the cookie. */
    String csrfToken(RoutingContext ctx) {
        Cookie cookie = ctx.request().getCookie(csrfCookie);
        if (cookie != null && TOKEN.matcher(cookie.getValue()).matches()) {
            return cookie.getValue();
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        ctx.response().addCookie(cookie(csrfCookie, token, CookieSameSite.STRICT));
        return token;
    }

    /** @throws dev.connect.oauth.domain.OAuthException 403 unless the form's token equals the cookie's */
    void verifyCsrf(RoutingContext ctx, Parameters form) {
        Cookie cookie = ctx.request().getCookie(csrfCookie);
        Optional<String> submitted = form.get(CSRF_FIELD);
        boolean valid = cookie != null && submitted.isPresent() && !form.isRepeated(CSRF_FIELD)
                && TOKEN.matcher(submitted.get()).matches()
                && MessageDigest.isEqual(cookie.getValue().getBytes(StandardCharsets.US_ASCII),
                        submitted.get().getBytes(StandardCharsets.US_ASCII));
        if (!valid) {
            throw ErrorCode.FORBIDDEN.exception(
                    "Forbidden -- The form has expired or did not come from this site. Reload the page and try again.");
        }
    }

    private Cookie cookie(String name, String value, CookieSameSite sameSite) {
        return Cookie.cookie(name, value).setPath("/").setHttpOnly(true).setSecure(secure).setSameSite(sameSite);
    }
}
