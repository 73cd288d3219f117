package dev.connect.oauth.domain;

import java.net.URI;

/**
 * A protected resource an access token is meant for: an absolute URI without a fragment, compared
 * character for character. A query is allowed (RFC 8707 says SHOULD NOT, not MUST NOT). An
 * invalid value is {@code invalid_target}, the error RFC 8707 §2 gives a bad {@code resource}.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8707#section-2">RFC 8707 §2</a>
 */
public record ResourceIndicator(String value) {
    /** As long as a redirect URI may be. */
    public static final int MAX_LENGTH = 2000;

    public ResourceIndicator {
        URI uri = UriValues.parse(value, MAX_LENGTH, ResourceIndicator::invalid);
        if (!uri.isAbsolute()) {
            throw invalid("must be an absolute URI");
        }
        UriValues.requireNoFragment(uri, value, ResourceIndicator::invalid);
    }

    public static ResourceIndicator parse(String value) {
        return new ResourceIndicator(value);
    }

    private static OAuthException invalid(String reason) {
        return ErrorCode.INVALID_TARGET.exception("resource " + reason + ".");
    }

    @Override
    public String toString() {
        return value;
    }
}
