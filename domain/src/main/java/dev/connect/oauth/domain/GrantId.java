package dev.connect.oauth.domain;

/**
 * The identifier of a {@link Grant}, the family every code and token descends from.
 */
public record GrantId(String value) {
    public GrantId {
        Identifiers.require(value, "grant id");
    }

    public static GrantId parse(String value) {
        return new GrantId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
