package dev.connect.oauth.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;
import java.util.function.Function;

/** The checks every URI-valued parameter starts with; each caller names its own error. */
final class UriValues {
    private UriValues() {
    }

    /**
     * {@code value} parsed, when it has 1 to {@code maxLength} characters and parses as a URI.
     *
     * @param invalid the caller's error for a reason such as "is not a valid URI"
     */
    static URI parse(String value, int maxLength, Function<String, OAuthException> invalid) {
        Objects.requireNonNull(value, "value");
        if (value.isEmpty() || value.length() > maxLength) {
            throw invalid.apply("must be 1 to " + maxLength + " characters");
        }
        try {
            return new URI(value);
        } catch (URISyntaxException e) {
            throw invalid.apply("is not a valid URI");
        }
    }

    /** Refuses a fragment, also one {@link URI} would not report (a bare {@code #}). */
    static void requireNoFragment(URI uri, String value, Function<String, OAuthException> invalid) {
        if (uri.getRawFragment() != null || value.contains("#")) {
            throw invalid.apply("must not contain a fragment");
        }
    }
}
