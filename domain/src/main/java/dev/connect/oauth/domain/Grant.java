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
 * <p>An authorization an account approved in an OpenID Connect request also records the
 * {@link Authentication} behind it: ID tokens issued from the grant, at the code exchange and on
 * refresh, report its {@code auth_time} (and, at the code exchange only, its {@code nonce}).
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-1.3">RFC 6749 §1.3</a>
 */
public record Grant(GrantId id, ClientId clientId, Optional<AccountId> accountId, ScopeSet scopes,
                    Instant createdAt, Optional<Instant> revokedAt, Optional<Authentication> authentication) {
    public Grant {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(scopes, "scopes");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(revokedAt, "revokedAt");
        Objects.requireNonNull(authentication, "authentication");
    }

    /** A grant that records no end-user authentication (client credentials, or a plain OAuth request). */
    public Grant(GrantId id, ClientId clientId, Optional<AccountId> accountId, ScopeSet scopes, Instant createdAt,
                 Optional<Instant> revokedAt) {
        this(id, clientId, accountId, scopes, createdAt, revokedAt, Optional.empty());
    }

    public static Grant of(GrantId id, ClientId clientId, Optional<AccountId> accountId, ScopeSet scopes, Instant now) {
        return new Grant(id, clientId, accountId, scopes, now, Optional.empty());
    }

    /** This grant with the authentication it came from, for the ID tokens issued from it (OpenID Connect). */
    public Grant withAuthentication(Authentication by) {
        return new Grant(id, clientId, accountId, scopes, createdAt, revokedAt, Optional.of(by));
    }

    public boolean isActive() {
        return revokedAt.isEmpty();
    }
}
