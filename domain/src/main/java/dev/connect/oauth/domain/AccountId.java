package dev.connect.oauth.domain;

/**
 * The identifier of an account, the resource owner of OAuth.
 */
public record AccountId(String value) {
    public AccountId {
        Identifiers.require(value, "account id");
    }

    public static AccountId parse(String value) {
        return new AccountId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
