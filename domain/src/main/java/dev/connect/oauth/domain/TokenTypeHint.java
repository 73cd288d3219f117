package dev.connect.oauth.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * A {@code token_type_hint} of revocation and introspection: which lookup to try first. An
 * unknown hint is ignored, as RFC 7009 §2.1 lets a server do ("the authorization server [...]
 * will extend its search across all of its supported token types").
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7009#section-2.1">RFC 7009 §2.1</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7662#section-2.1">RFC 7662 §2.1</a>
 */
public enum TokenTypeHint {
    ACCESS_TOKEN("access_token"),
    REFRESH_TOKEN("refresh_token");

    private final String wireName;

    TokenTypeHint(String wireName) {
        this.wireName = wireName;
    }

    /** The hint spelled exactly {@code value}; empty for any other spelling. */
    public static Optional<TokenTypeHint> parse(String value) {
        return WireNames.find(values(), TokenTypeHint::wireName, Objects.requireNonNull(value, "value"));
    }

    /** Also the {@code token_type} member of an introspection answer (RFC 7662 §2.2). */
    public String wireName() {
        return wireName;
    }
}
