package dev.connect.oauth.application.port.in;

import dev.connect.oauth.domain.AccountId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An account approves an authorization request (through the consent page, or with its API key).
 *
 * @param nonce      the request's {@code nonce} (OpenID Connect Core §3.1.2.1), put into the ID token
 * @param signedInAt when the account signed in (its session's start); empty when the approval
 *                   itself authenticates it (the API key), which makes it now
 */
public record AuthorizeCommand(AuthorizationRequest request, AccountId accountId, Optional<String> nonce,
                               Optional<Instant> signedInAt) {
    public AuthorizeCommand {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(signedInAt, "signedInAt");
    }

    /** A plain OAuth approval: no nonce, the account authenticated by the approval itself. */
    public AuthorizeCommand(AuthorizationRequest request, AccountId accountId) {
        this(request, accountId, Optional.empty(), Optional.empty());
    }
}
