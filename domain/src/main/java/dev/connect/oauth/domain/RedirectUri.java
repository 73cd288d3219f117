package dev.connect.oauth.domain;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A registered redirection endpoint: absolute, {@code https} (or {@code http} on a loopback host,
 * for native apps), with no fragment. A request's {@code redirect_uri} matches only when it is
 * the same string, character for character: no prefix, wildcard or normalisation; the one
 * exception is the port of a loopback IP literal ({@code http://127.0.0.1} or
 * {@code http://[::1]}), which a native app picks when it opens its listener (RFC 8252 §7.3).
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-3.1.2">RFC 6749 §3.1.2</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9700#section-4.1.3">RFC 9700 §4.1.3</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8252#section-7.3">RFC 8252 §7.3</a>
 */
public record RedirectUri(String value) {
    private static final int MAX_LENGTH = 2000;
    private static final Set<String> LOOPBACK_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]");
    /**
     * A loopback IP literal redirect, split into host, optional port and the rest. Only the IP
     * literals: RFC 8252 §8.3 advises against {@code localhost}, which a resolver may send elsewhere.
     */
    private static final Pattern LOOPBACK_IP = Pattern.compile("http://(127\\.0\\.0\\.1|\\[::1])(?::\\d{1,5})?([/?].*)?");

    public RedirectUri {
        URI uri = UriValues.parse(value, MAX_LENGTH, RedirectUri::invalid);
        if (!uri.isAbsolute() || uri.isOpaque() || uri.getHost() == null) {
            throw invalid("must be an absolute URI with a host");
        }
        UriValues.requireNoFragment(uri, value, RedirectUri::invalid);
        if (uri.getRawUserInfo() != null) {
            throw invalid("must not contain user information");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        boolean loopback = LOOPBACK_HOSTS.contains(uri.getHost().toLowerCase(Locale.ROOT));
        if (!scheme.equals("https") && !(scheme.equals("http") && loopback)) {
            throw invalid("must use https, or http on a loopback host");
        }
    }

    /** The host, lower case (a registered redirect URI always has one). */
    public String host() {
        return URI.create(value).getHost().toLowerCase(Locale.ROOT);
    }

    public static RedirectUri parse(String value) {
        return new RedirectUri(value);
    }

    /**
     * Exact string comparison, as RFC 9700 §4.1.3 requires: the token request's
     * {@code redirect_uri} against the one the code was issued for (RFC 6749 §4.1.3).
     */
    public boolean matches(String candidate) {
        return value.equals(candidate);
    }

    /**
     * Whether an authorization request may name {@code candidate} when this URI is registered:
     * the same string, or, for a loopback IP literal, the same string but for the port, any port
     * (RFC 8252 §7.3), since a native app listens on whatever port the system gives it.
     *
     * @see <a href="https://www.rfc-editor.org/rfc/rfc8252#section-7.3">RFC 8252 §7.3</a>
     */
    public boolean admits(String candidate) {
        Objects.requireNonNull(candidate, "candidate");
        if (matches(candidate)) {
            return true;
        }
        Matcher registered = LOOPBACK_IP.matcher(value);
        Matcher requested = LOOPBACK_IP.matcher(candidate);
        return registered.matches() && requested.matches() && !candidate.contains("#")
                && registered.group(1).equals(requested.group(1))
                && Objects.equals(rest(registered), rest(requested));
    }

    /** The path and query after the port ({@code ""} for none), so that {@code :8080} and {@code :8080/} differ as the strings do. */
    private static String rest(Matcher loopback) {
        String rest = loopback.group(2);
        return rest == null ? "" : rest;
    }

    private static OAuthException invalid(String why) {
        return ErrorCode.INVALID_REQUEST.exception("redirect_uri " + why + ".");
    }

    @Override
    public String toString() {
        return value;
    }
}
