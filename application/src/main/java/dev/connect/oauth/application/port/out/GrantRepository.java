package dev.connect.oauth.application.port.out;

import dev.connect.oauth.domain.AccountId;
import dev.connect.oauth.domain.ClientId;
import dev.connect.oauth.domain.Grant;
import dev.connect.oauth.domain.GrantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Grants: the families codes and tokens descend from. Revoking a grant is one atomic step after
 * which, on every node, its access and refresh tokens are no longer active (token lookups report
 * them revoked). Its code is not touched: {@link AuthorizationCodeStore#redeem} refuses a code whose
 * grant is revoked in the same step that redeems it.
 */
public interface GrantRepository {
    void add(Grant grant);

    Optional<Grant> findById(GrantId id);

    /** The account's active grants, oldest first. */
    List<Grant> findActiveByAccount(AccountId accountId);

    /** Revokes a grant (idempotent: the first revocation time is kept). */
    void revoke(GrantId id, Instant at);

    /** Revokes every active grant of this account to this client; returns how many. */
    int revokeAll(AccountId accountId, ClientId clientId, Instant at);
}
