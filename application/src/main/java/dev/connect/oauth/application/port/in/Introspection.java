package dev.connect.oauth.application.port.in;

import dev.connect.oauth.domain.AccountId;
import dev.connect.oauth.domain.ClientId;
import dev.connect.oauth.domain.JwkThumbprint;
import dev.connect.oauth.domain.ScopeSet;
import dev.connect.oauth.domain.TokenId;
import dev.connect.oauth.domain.TokenTypeHint;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An introspection answer (RFC 7662 §2.2): {@link #inactive()} for anything not currently valid,
 * or the token's details.
 */
public record Introspection(boolean active, Optional<Details> details) {
    public Introspection {
        Objects.requireNonNull(details, "details");
        if (active != details.isPresent()) {
            throw new IllegalArgumentException("An active token has details; an inactive one has none");
        }
    }

    public static Introspection inactive() {
        return new Introspection(false, Optional.empty());
    }

    public static Introspection active(Details details) {
        return new Introspection(true, Optional.of(details));
    }

    /**
     * The members of an active token's introspection response; its type is named as in the
     * token type hint registry (RFC 7009 §4.1.2).
     *
     * @param boundKey the key a DPoP-bound token is bound to: {@code cnf.jkt} (RFC 9449 §6.2)
     */
    public record Details(TokenTypeHint tokenType, TokenId id, ClientId clientId, Optional<AccountId> subject,
                          Optional<String> username, ScopeSet scope, Instant issuedAt, Instant expiresAt,
                          Optional<JwkThumbprint> boundKey) {
        public Details {
            Objects.requireNonNull(tokenType, "tokenType");
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(clientId, "clientId");
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(scope, "scope");
            Objects.requireNonNull(issuedAt, "issuedAt");
            Objects.requireNonNull(expiresAt, "expiresAt");
            Objects.requireNonNull(boundKey, "boundKey");
        }

        /** The details of a token bound to no key. */
        public Details(TokenTypeHint tokenType, TokenId id, ClientId clientId, Optional<AccountId> subject,
                       Optional<String> username, ScopeSet scope, Instant issuedAt, Instant expiresAt) {
            this(tokenType, id, clientId, subject, username, scope, issuedAt, expiresAt, Optional.empty());
        }
    }
}
