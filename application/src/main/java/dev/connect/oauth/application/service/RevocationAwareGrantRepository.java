package dev.connect.oauth.application.service;

import dev.connect.oauth.application.port.out.GrantRepository;
import dev.connect.oauth.domain.AccountId;
import dev.connect.oauth.domain.ClientId;
import dev.connect.oauth.domain.Grant;
import dev.connect.oauth.domain.GrantId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link GrantRepository} whose revocations this node's {@link TokenCheckCache} sees as soon as
 * they are committed: every path that revokes a family (reuse detection, a refresh token's
 * revocation, a disconnect) goes through the grants, so the node that revokes never accepts one of
 * the family's tokens afterwards, while the other nodes see it within the cache's revocation delay.
 */
public final class RevocationAwareGrantRepository implements GrantRepository {
    private final GrantRepository grants;
    private final TokenCheckCache checks;

    public RevocationAwareGrantRepository(GrantRepository grants, TokenCheckCache checks) {
        this.grants = Objects.requireNonNull(grants, "grants");
        this.checks = Objects.requireNonNull(checks, "checks");
    }

    @Override
    public void add(Grant grant) {
        grants.add(grant);
    }

    @Override
    public Optional<Grant> findById(GrantId id) {
        return grants.findById(id);
    }

    @Override
    public List<Grant> findActiveByAccount(AccountId accountId) {
        return grants.findActiveByAccount(accountId);
    }

    @Override
    public void revoke(GrantId id, Instant at) {
        grants.revoke(id, at);
        checks.revokedHere();
    }

    @Override
    public int revokeAll(AccountId accountId, ClientId clientId, Instant at) {
        int revoked = grants.revokeAll(accountId, clientId, at);
        if (revoked > 0) {
            checks.revokedHere();
        }
        return revoked;
    }
}
