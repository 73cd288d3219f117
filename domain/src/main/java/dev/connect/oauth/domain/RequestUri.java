package dev.connect.oauth.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * The reference to a {@link PushedAuthorizationRequest}: the URN RFC 9126 §2.2 shows, ending with
 * a random, single-use value. Only its hash is stored, as for codes and tokens: who holds it may
 * start the authorization request it refers to.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9126#section-2.2">RFC 9126 §2.2</a>
 */
public record RequestUri(String value) {
    /** RFC 9126 §2.2: the URN prefix the server's {@code request_uri} values carry. */
    public static final String PREFIX = "urn:ietf:params:oauth:request_uri:";
    /** Our random part is 43 base64url characters; anything much longer is not one of ours. */
    private static final int MAX_LENGTH = PREFIX.length() + 128;

    public RequestUri {
        Objects.requireNonNull(value, "value");
        if (!wellFormed(value)) {
            throw ErrorCode.INVALID_REQUEST.exception("request_uri is not one this server issued.");
        }
    }

    /** The URN of the random {@code secret}. */
    public static RequestUri of(String secret) {
        return new RequestUri(PREFIX + Objects.requireNonNull(secret, "secret"));
    }

    /** The request URI as received, if it has the form of one this server issues. */
    public static Optional<RequestUri> parse(String value) {
        return wellFormed(value) ? Optional.of(new RequestUri(value)) : Optional.empty();
    }

    /** The prefix, then base64url characters (what {@code SecretGenerator} makes). */
    private static boolean wellFormed(String value) {
        if (value == null || !value.startsWith(PREFIX) || value.length() == PREFIX.length()
                || value.length() > MAX_LENGTH) {
            return false;
        }
        return value.substring(PREFIX.length()).chars()
                .allMatch(c -> (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                        || c == '-' || c == '_');
    }
}
