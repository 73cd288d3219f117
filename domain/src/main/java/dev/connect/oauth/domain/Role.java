package dev.connect.oauth.domain;

import java.util.Locale;

/** What an account may do with the account-and-client API: admins manage accounts and clients. */
public enum Role {
    ADMIN,
    CUSTOMER;

    /** Parses {@code admin} or {@code customer}; absent means customer. */
    public static Role parse(String value) {
        if (value == null || value.isEmpty()) {
            return CUSTOMER;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "admin" -> ADMIN;
            case "customer" -> CUSTOMER;
            default -> throw ErrorCode.INVALID_REQUEST.exception("role must be admin or customer.");
        };
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
