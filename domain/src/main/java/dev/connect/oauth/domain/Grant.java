package dev.connect.oauth.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One authorization: an account's consent to a client for a scope set (or, for the client
 * credentials grant, the client acting for itself, with no account). It is the family that the
 * authorization code, and every access and refresh token issued from it, descend from: revoking
 * the grant revokes them all at once.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-1.3">RFC 6749 §1.3</a>
 */
public record Grant(GrantId id, ClientId clientId, Optional<AccountId> accountId, ScopeSet scopes,
                    Instant createdAt, Optional<Instant> revokedAt) {
    public Grant {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(scopes, "scopes");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(revokedAt, "revokedAt");
    }

    public static Grant of(GrantId id, ClientId clientId, Optional<AccountId> accountId, ScopeSet scopes, Instant now) {
        return new Grant(id, clientId, accountId, scopes, now, Optional.empty());
    }

    public boolean isActive() {
        return revokedAt.isEmpty();
    }
}
