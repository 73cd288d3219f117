package dev.connect.oauth.application.port.in;

import dev.connect.oauth.domain.Account;
import java.util.Objects;

/** A new account and its first API key (shown once). */
public record CreatedAccount(Account account, NewApiKey apiKey) {
    public CreatedAccount {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(apiKey, "apiKey");
    }
}
