package dev.connect.oauth.application.port.in;

import dev.connect.oauth.domain.AccountId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An account answers an authorization request: through the consent page, or, approving, with its
 * API key. The request is checked in the same call, so what is decided is what was checked.
 *
 * @param nonce      the request's {@code nonce} (OpenID Connect Core §3.1.2.1), put into the ID token
 * @param signedInAt when the account signed in (its session's start); empty when the approval
 *                   itself authenticates it (the API key), which makes it now
 */
public record AuthorizeCommand(AuthorizationRequest request, AccountId accountId, ConsentDecision decision,
                               Optional<String> nonce, Optional<Instant> signedInAt) {
    public AuthorizeCommand {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(signedInAt, "signedInAt");
    }

    /** A plain OAuth answer: no nonce, the account authenticated by the answer itself. */
    public AuthorizeCommand(AuthorizationRequest request, AccountId accountId, ConsentDecision decision) {
        this(request, accountId, decision, Optional.empty(), Optional.empty());
    }
}
