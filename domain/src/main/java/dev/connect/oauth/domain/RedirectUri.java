package dev.connect.oauth.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A registered redirection endpoint: absolute, {@code https} (or {@code http} on a loopback host,
 * for native apps), with no fragment. A request's {@code redirect_uri} matches only when it is
 * the same string, character for character: no prefix, wildcard or normalisation.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-3.1.2">RFC 6749 §3.1.2</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9700#section-4.1.3">RFC 9700 §4.1.3</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8252#section-7.3">RFC 8252 §7.3</a>
 */
public record RedirectUri(String value) {
    private static final int MAX_LENGTH = 2000;
    private static final Set<String> LOOPBACK_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]");

    public RedirectUri {
        Objects.requireNonNull(value, "value");
        if (value.isEmpty() || value.length() > MAX_LENGTH) {
            throw invalid("must be 1 to " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw invalid("is not a valid URI");
        }
        if (!uri.isAbsolute() || uri.isOpaque() || uri.getHost() == null) {
            throw invalid("must be an absolute URI with a host");
        }
        if (uri.getRawFragment() != null || value.contains("#")) {
            throw invalid("must not contain a fragment");
        }
        if (uri.getRawUserInfo() != null) {
            throw invalid("must not contain user information");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        boolean loopback = LOOPBACK_HOSTS.contains(uri.getHost().toLowerCase(Locale.ROOT));
        if (!scheme.equals("https") && !(scheme.equals("http") && loopback)) {
            throw invalid("must use https, or http on a loopback host");
        }
    }

    public static RedirectUri parse(String value) {
        return new RedirectUri(value);
    }

    /** Exact string comparison, as RFC 9700 §4.1.3 requires. */
    public boolean matches(String candidate) {
        return value.equals(candidate);
    }

    private static OAuthException invalid(String why) {
        return ErrorCode.INVALID_REQUEST.exception("redirect_uri " + why + ".");
    }

    @Override
    public String toString() {
        return value;
    }
}
