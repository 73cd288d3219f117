package dev.connect.oauth.application.port.in;

import dev.connect.oauth.domain.Account;
import dev.connect.oauth.domain.ClientId;
import dev.connect.oauth.domain.ScopeSet;
import java.util.Objects;

/** What {@code /info} tells about the account behind an access token (seed 003). */
public record TokenInfo(Account account, ClientId clientId, ScopeSet scope) {
    public TokenInfo {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(scope, "scope");
    }
}
