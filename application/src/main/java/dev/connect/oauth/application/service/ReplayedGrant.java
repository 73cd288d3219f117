package dev.connect.oauth.application.service;

import dev.connect.oauth.application.port.out.AuditEventType;
import dev.connect.oauth.application.port.out.AuditLog;
import dev.connect.oauth.application.port.out.GrantRepository;
import dev.connect.oauth.domain.AccountId;
import dev.connect.oauth.domain.ClientId;
import dev.connect.oauth.domain.ErrorCode;
import dev.connect.oauth.domain.GrantId;
import dev.connect.oauth.domain.OAuthException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer to a replayed credential (a redeemed code, a retired refresh token): one of the two
 * presenters is an attacker and the server cannot tell which, so the whole grant is revoked,
 * every token descending from it with it, and the event is recorded.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2">RFC 6749 §4.1.2</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9700#section-4.14.2">RFC 9700 §4.14.2</a>
 */
final class ReplayedGrant {
    private final GrantRepository grants;
    private final AuditTrail audit;

    ReplayedGrant(GrantRepository grants, AuditLog auditLog) {
        this.grants = Objects.requireNonNull(grants, "grants");
        this.audit = new AuditTrail(auditLog);
    }

    /** Revokes the grant, records {@code event}, and returns the {@code invalid_grant} to throw. */
    OAuthException revoke(AuditEventType event, GrantId grant, ClientId client, Optional<AccountId> account,
                          String description, Instant now) {
        grants.revoke(grant, now);
        audit.record(event, account, Optional.of(client), "grant=" + grant, now);
        return ErrorCode.INVALID_GRANT.exception(description);
    }
}
