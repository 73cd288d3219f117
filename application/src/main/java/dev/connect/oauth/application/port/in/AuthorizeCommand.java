package dev.connect.oauth.application.port.in;

import dev.connect.oauth.domain.AccountId;
import java.util.Objects;

/**
 * An account answers an authorization request: through the consent page, or, approving, with its
 * API key. The request is checked in the same call, so what is decided is what was checked.
 */
public record AuthorizeCommand(AuthorizationRequest request, AccountId accountId, ConsentDecision decision) {
    public AuthorizeCommand {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(decision, "decision");
    }
}
