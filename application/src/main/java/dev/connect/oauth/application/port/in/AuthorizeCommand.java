package dev.connect.oauth.application.port.in;

import dev.connect.oauth.domain.AccountId;
import java.util.Objects;

/** An account approves an authorization request (through the consent page, or with its API key). */
public record AuthorizeCommand(AuthorizationRequest request, AccountId accountId) {
    public AuthorizeCommand {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(accountId, "accountId");
    }
}
