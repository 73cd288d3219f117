package dev.connect.oauth.domain;

import java.util.Objects;

/**
 * How a client sees an account's {@code sub}: the account id itself ({@code public}, the same for
 * every client), or a value of its own that no other client can link to it ({@code pairwise}).
 *
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#SubjectIDTypes">OpenID Connect Core 1.0 §8</a>
 */
public enum SubjectType {
    PUBLIC("public"),
    PAIRWISE("pairwise");

    private final String wireName;

    SubjectType(String wireName) {
        this.wireName = wireName;
    }

    /** {@code public} or {@code pairwise}, exactly; anything else is {@code invalid_request}. */
    public static SubjectType parse(String value) {
        Objects.requireNonNull(value, "value");
        for (SubjectType type : values()) {
            if (type.wireName.equals(value)) {
                return type;
            }
        }
        throw ErrorCode.INVALID_REQUEST.exception("subject_type must be public or pairwise.");
    }

    public String wireName() {
        return wireName;
    }
}
