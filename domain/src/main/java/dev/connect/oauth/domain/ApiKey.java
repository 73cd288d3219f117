package dev.connect.oauth.domain;

import java.util.regex.Pattern;

/**
 * An API key as the caller presents it in the {@code ACCESSTOKEN} header: {@code ck_} and 43
 * base64url characters (256 random bits). The format alone tells a malformed key (2038) from an
 * unknown one (2036), without a lookup. {@link #toString()} never shows the key.
 */
public record ApiKey(String value) {
    public static final String PREFIX = "ck_";
    private static final Pattern FORMAT = Pattern.compile("ck_[A-Za-z0-9_-]{43}");

    public ApiKey {
        if (value == null || value.isEmpty()) {
            throw ErrorCode.API_KEY_REQUIRED.exception();
        }
        if (!FORMAT.matcher(value).matches()) {
            throw ErrorCode.MALFORMED_API_KEY.exception();
        }
    }

    /** Parses a header value: absent is 2032, not in the issued format 2038. */
    public static ApiKey parse(String value) {
        return new ApiKey(value);
    }

    @Override
    public String toString() {
        return "ApiKey[redacted]";
    }
}
