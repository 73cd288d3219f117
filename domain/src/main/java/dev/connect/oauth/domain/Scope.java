package dev.connect.oauth.domain;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One scope token: 1–64 printable ASCII characters without space, double quote or backslash.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-3.3">RFC 6749 §3.3</a>
 */
public record Scope(String value) implements Comparable<Scope> {
    // Declared before the constants below, which are built with it.
    private static final Pattern SYNTAX = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]{1,64}");

    public static final Scope CONNECT = new Scope("connect");
    public static final Scope TRIGGERS = new Scope("triggers");
    public static final Scope ACTIONS = new Scope("actions");
    public static final Scope TESTS = new Scope("tests");

    public Scope {
        Objects.requireNonNull(value, "value");
        if (!SYNTAX.matcher(value).matches() || value.equals(ScopeSet.WILDCARD)) {
            throw ErrorCode.INVALID_SCOPE.exception("Malformed scope.");
        }
    }

    public static Scope parse(String value) {
        return new Scope(value);
    }

    @Override
    public int compareTo(Scope other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
