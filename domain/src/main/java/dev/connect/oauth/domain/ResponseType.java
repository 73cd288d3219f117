package dev.connect.oauth.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * A {@code response_type} of the authorization endpoint this server supports: only the
 * authorization code flow (RFC 9700 §2.1.2 retires the implicit grant). Any other value is
 * {@code unsupported_response_type} (RFC 6749 §4.1.2.1), which the caller decides to answer.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-3.1.1">RFC 6749 §3.1.1</a>
 */
public enum ResponseType {
    CODE("code");

    private final String wireName;

    ResponseType(String wireName) {
        this.wireName = wireName;
    }

    /** The response type spelled exactly {@code value}; empty for any other spelling. */
    public static Optional<ResponseType> parse(String value) {
        return WireNames.find(values(), ResponseType::wireName, Objects.requireNonNull(value, "value"));
    }

    public String wireName() {
        return wireName;
    }
}
