package dev.connect.oauth.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connect.oauth.application.port.out.AuditEvent;
import dev.connect.oauth.application.port.out.AuditEventType;
import dev.connect.oauth.application.port.out.AuthorizationCodeStore.Redemption;
import dev.connect.oauth.application.port.out.BrowserSession;
import dev.connect.oauth.application.port.out.StorePurge;
import dev.connect.oauth.domain.AccessToken;
import dev.connect.oauth.domain.Account;
import dev.connect.oauth.domain.AuthorizationCode;
import dev.connect.oauth.domain.Client;
import dev.connect.oauth.domain.Grant;
import dev.connect.oauth.domain.PushedAuthorizationRequest;
import dev.connect.oauth.domain.RefreshToken;
import dev.connect.oauth.testkit.testdata.TestCodes;
import dev.connect.oauth.testkit.testdata.TestIds;
import dev.connect.oauth.testkit.testdata.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The promise of {@link StorePurge}: only what expired (or is past retention) goes, at most
 * {@code limit} rows a call, refresh tokens only with their family dead and no access token left.
 * Rows here are issued at {@code at(0)} and expire after their {@code ttl}; {@link #CUTOFF} is the
 * purge's "before".
 */
public abstract class StorePurgeContract extends StoreContract {
    private static final Instant CUTOFF = at(10_000);
    private static final Duration EXPIRED = Duration.ofSeconds(5);
    private static final Duration LIVE = Duration.ofSeconds(60);

    private AuthorizationCode storedCode(Grant grant, Duration ttl) {
        AuthorizationCode code = TestCodes.from(grant).issuedAt(at(0)).ttl(ttl).build();
        store.codes().add(code);
        return code;
    }

    @Test
    void deleteExpiredCodesThenOnlyExpiredAndAtMostTheLimit() {
        Grant grant = storedGrant();
        AuthorizationCode expired = storedCode(grant, EXPIRED);
        AuthorizationCode alsoExpired = storedCode(grant, EXPIRED);
        AuthorizationCode live = storedCode(grant, LIVE);

        assertThat(store.purge().deleteExpiredCodes(CUTOFF, 1)).isEqualTo(1);
        assertThat(store.purge().deleteExpiredCodes(CUTOFF, 10)).isEqualTo(1);
        assertThat(store.purge().deleteExpiredCodes(CUTOFF, 10)).isZero();

        assertThat(store.codes().redeem(expired.hash(), expired.clientId(), at(20_000))).isInstanceOf(Redemption.Unknown.class);
        assertThat(store.codes().redeem(alsoExpired.hash(), alsoExpired.clientId(), at(20_000))).isInstanceOf(Redemption.Unknown.class);
        assertThat(store.codes().redeem(live.hash(), live.clientId(), at(20_000))).isInstanceOf(Redemption.Redeemed.class);
    }

    @Test
    void deleteExpiredAccessTokensThenOnlyExpiredAndTheirRefreshTokenStays() {
        Grant grant = storedGrant();
        RefreshToken refresh = TestTokens.refresh(grant).issuedAt(at(0)).ttl(LIVE).build();
        AccessToken expired = TestTokens.access(grant).with(refresh).issuedAt(at(0)).ttl(EXPIRED).build();
        store.tokens().add(expired, Optional.of(refresh));
        AccessToken live = TestTokens.access(grant).issuedAt(at(0)).ttl(LIVE).build();
        store.tokens().add(live, Optional.empty());

        assertThat(store.purge().deleteExpiredAccessTokens(CUTOFF, 10)).isEqualTo(1);

        assertThat(store.tokens().findAccessToken(expired.hash())).isEmpty();
        assertThat(store.tokens().findAccessToken(live.hash())).isPresent();
        assertThat(store.tokens().findRefreshToken(refresh.hash())).isPresent();
    }

    @Test
    void deleteDeadRefreshTokensWhenFamilyLiveThenRetiredTokensStayForReplayDetection() {
        Grant grant = storedGrant();
        RefreshToken retired = TestTokens.refresh(grant).issuedAt(at(0)).ttl(EXPIRED).retiredAt(at(1_000)).build();
        store.tokens().add(TestTokens.access(grant).issuedAt(at(0)).ttl(EXPIRED).build(), Optional.of(retired));
        RefreshToken successor = TestTokens.refresh(grant).parent(retired).issuedAt(at(1_000)).ttl(LIVE).build();
        store.tokens().add(TestTokens.access(grant).issuedAt(at(1_000)).ttl(EXPIRED).build(), Optional.of(successor));

        assertThat(store.purge().deleteDeadRefreshTokens(CUTOFF, 10)).isZero();

        assertThat(store.tokens().findRefreshToken(retired.hash())).isPresent();
    }

    @Test
    void deleteDeadRefreshTokensWhenFamilyExpiredOrRevokedThenDeletedOnceNoAccessTokenReferencesThem() {
        Grant expiredFamily = storedGrant();
        RefreshToken expired = TestTokens.refresh(expiredFamily).issuedAt(at(0)).ttl(EXPIRED).build();
        AccessToken withIt = TestTokens.access(expiredFamily).with(expired).issuedAt(at(0)).ttl(EXPIRED).build();
        store.tokens().add(withIt, Optional.of(expired));
        Account account = storedAccount();
        Grant revokedFamily = storedGrant(storedClient(), account);
        RefreshToken revoked = TestTokens.refresh(revokedFamily).issuedAt(at(0)).ttl(EXPIRED).build();
        RefreshToken newest = TestTokens.refresh(revokedFamily).parent(revoked).issuedAt(at(0)).ttl(LIVE).build();
        store.tokens().add(TestTokens.access(revokedFamily).with(revoked).issuedAt(at(0)).ttl(EXPIRED).build(),
                Optional.of(revoked));
        store.tokens().add(TestTokens.access(revokedFamily).with(newest).issuedAt(at(0)).ttl(EXPIRED).build(),
                Optional.of(newest));
        store.grants().revoke(revokedFamily.id(), at(2_000));

        assertThat(store.purge().deleteDeadRefreshTokens(CUTOFF, 10)).as("access tokens still reference them").isZero();
        assertThat(store.purge().deleteExpiredAccessTokens(CUTOFF, 10)).isEqualTo(3);
        assertThat(store.purge().deleteDeadRefreshTokens(CUTOFF, 1)).isEqualTo(1);
        assertThat(store.purge().deleteDeadRefreshTokens(CUTOFF, 10)).isEqualTo(1);

        assertThat(store.tokens().findRefreshToken(expired.hash())).isEmpty();
        assertThat(store.tokens().findRefreshToken(revoked.hash())).isEmpty();
        assertThat(store.tokens().findRefreshToken(newest.hash())).as("not expired yet").isPresent();
    }

    @Test
    void deleteExpiredSessionsThenOnlyExpired() {
        Account account = storedAccount();
        BrowserSession expired = new BrowserSession(TestIds.hashOf(TestIds.secret()), account.id(), at(0), at(5_000));
        BrowserSession live = new BrowserSession(TestIds.hashOf(TestIds.secret()), account.id(), at(0), at(60_000));
        store.sessions().add(expired);
        store.sessions().add(live);

        assertThat(store.purge().deleteExpiredSessions(CUTOFF, 10)).isEqualTo(1);

        assertThat(store.sessions().findByHash(expired.hash())).isEmpty();
        assertThat(store.sessions().findByHash(live.hash())).contains(live);
    }

    @Test
    void deleteExpiredPushedRequestsThenOnlyExpired() {
        Client client = storedClient();
        PushedAuthorizationRequest expired = new PushedAuthorizationRequest(TestIds.hashOf(TestIds.secret()),
                client.id(), Map.of("client_id", client.id().value()), at(5_000));
        PushedAuthorizationRequest live = new PushedAuthorizationRequest(TestIds.hashOf(TestIds.secret()),
                client.id(), Map.of("client_id", client.id().value()), at(60_000));
        store.pushedRequests().add(expired);
        store.pushedRequests().add(live);

        assertThat(store.purge().deleteExpiredPushedRequests(CUTOFF, 10)).isEqualTo(1);

        assertThat(store.pushedRequests().take(expired.hash(), client.id(), at(0))).isEmpty();
        assertThat(store.pushedRequests().take(live.hash(), client.id(), at(0))).contains(live);
    }

    @Test
    void deleteAuditEventsBeforeThenOnlyOlderOnesAndAtMostTheLimit() {
        for (long millis : new long[] {1_000, 2_000, 3_000}) {
            store.audit().record(new AuditEvent(AuditEventType.SIGN_IN_FAILED, Optional.empty(), Optional.empty(), "", at(millis)));
        }
        AuditEvent kept = new AuditEvent(AuditEventType.ACCOUNT_CREATED, Optional.empty(), Optional.empty(), "", at(20_000));
        store.audit().record(kept);

        assertThat(store.purge().deleteAuditEventsBefore(CUTOFF, 2)).isEqualTo(2);
        assertThat(store.purge().deleteAuditEventsBefore(CUTOFF, 2)).isEqualTo(1);

        assertThat(store.audit().recent(10)).containsExactly(kept);
    }
}
