package dev.connect.oauth.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * A {@code grant_type} of the token endpoint this server supports. Values are case-sensitive
 * (RFC 6749 §3.2: "parameter names and values are case sensitive"); any other is
 * {@code unsupported_grant_type} (RFC 6749 §5.2), which the caller decides to answer.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-4.1.3">RFC 6749 §4.1.3</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-4.4.2">RFC 6749 §4.4.2</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-6">RFC 6749 §6</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8628#section-3.4">RFC 8628 §3.4</a>
 */
public enum GrantType {
    AUTHORIZATION_CODE("authorization_code"),
    REFRESH_TOKEN("refresh_token"),
    CLIENT_CREDENTIALS("client_credentials"),
    /** RFC 8628 §3.4: the device code, polled for while the user decides on another device. */
    DEVICE_CODE("urn:ietf:params:oauth:grant-type:device_code");

    private final String wireName;

    GrantType(String wireName) {
        this.wireName = wireName;
    }

    /** The grant type spelled exactly {@code value}; empty for any other spelling. */
    public static Optional<GrantType> parse(String value) {
        return WireNames.find(values(), GrantType::wireName, Objects.requireNonNull(value, "value"));
    }

    public String wireName() {
        return wireName;
    }
}
