package dev.connect.oauth.domain;

/**
 * The public identifier of an issued API key; never the key itself.
 */
public record ApiKeyId(String value) {
    public ApiKeyId {
        Identifiers.require(value, "API key id");
    }

    public static ApiKeyId parse(String value) {
        return new ApiKeyId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
