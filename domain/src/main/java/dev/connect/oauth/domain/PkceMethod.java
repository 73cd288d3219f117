package dev.connect.oauth.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * A PKCE code challenge method.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7636#section-4.2">RFC 7636 §4.2</a>
 */
public enum PkceMethod {
    PLAIN("plain"),
    S256("S256");

    private final String wireName;

    PkceMethod(String wireName) {
        this.wireName = wireName;
    }

    /** The method spelled exactly {@code value} ({@code S256} or {@code plain}); empty for any other spelling. */
    public static Optional<PkceMethod> parse(String value) {
        return WireNames.find(values(), PkceMethod::wireName, Objects.requireNonNull(value, "value"));
    }

    public String wireName() {
        return wireName;
    }
}
