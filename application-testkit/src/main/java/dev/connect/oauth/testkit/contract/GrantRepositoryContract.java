package dev.connect.oauth.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connect.oauth.application.port.out.AuthorizationCodeStore.Redemption;
import dev.connect.oauth.application.port.out.GrantRepository;
import dev.connect.oauth.domain.AccessToken;
import dev.connect.oauth.domain.Account;
import dev.connect.oauth.domain.Authentication;
import dev.connect.oauth.domain.AuthorizationCode;
import dev.connect.oauth.domain.Client;
import dev.connect.oauth.domain.Grant;
import dev.connect.oauth.domain.GrantId;
import dev.connect.oauth.domain.RefreshToken;
import dev.connect.oauth.domain.ScopeSet;
import dev.connect.oauth.testkit.testdata.TestCodes;
import dev.connect.oauth.testkit.testdata.TestGrants;
import dev.connect.oauth.testkit.testdata.TestTokens;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The promise of {@link GrantRepository}, including the revocation cascade: once a grant is
 * revoked, token lookups report its tokens revoked and its unredeemed code yields nothing usable.
 */
public abstract class GrantRepositoryContract extends StoreContract {

    @Test
    void findByIdWhenAddedForAnAccountThenReturnsEveryField() {
        Client client = storedClient();
        Grant grant = TestGrants.of(client, storedAccount(), ScopeSet.parse("connect"));

        store.grants().add(grant);

        assertThat(store.grants().findById(grant.id())).contains(grant);
    }

    @Test
    void findByIdWhenAddedWithAuthenticationThenReturnsItsTimeAndNonce() {
        Client client = storedClient();
        Grant base = TestGrants.of(client, storedAccount(), ScopeSet.parse("openid"));
        Grant withNonce = base.withAuthentication(new Authentication(base.createdAt().minusSeconds(90),
                Optional.of("n".repeat(Authentication.MAX_NONCE_LENGTH))));
        Grant withoutNonce = TestGrants.of(client, storedAccount(), ScopeSet.parse("openid"))
                .withAuthentication(new Authentication(base.createdAt(), Optional.empty()));

        store.grants().add(withNonce);
        store.grants().add(withoutNonce);

        assertThat(store.grants().findById(withNonce.id())).contains(withNonce);
        assertThat(store.grants().findById(withoutNonce.id())).contains(withoutNonce);
    }

    @Test
    void findByIdWhenAddedForTheClientItselfThenHasNoAccount() {
        Grant grant = TestGrants.forClient(storedClient());

        store.grants().add(grant);

        assertThat(store.grants().findById(grant.id())).contains(grant);
        assertThat(store.grants().findById(grant.id()).orElseThrow().accountId()).isEmpty();
    }

    @Test
    void findByIdWhenUnknownThenEmpty() {
        storedGrant();

        assertThat(store.grants().findById(new GrantId("no-such-grant"))).isEmpty();
    }

    @Test
    void findActiveByAccountThenOldestFirstWithoutRevokedOrOthers() {
        Account account = storedAccount();
        Client client = storedClient();
        Grant newest = TestGrants.of(client, account, at(3_000));
        Grant oldest = TestGrants.of(storedClient(), account, at(1_000));
        Grant revoked = TestGrants.of(client, account, at(2_000));
        store.grants().add(newest);
        store.grants().add(oldest);
        store.grants().add(revoked);
        storedGrant(client, storedAccount());
        store.grants().revoke(revoked.id(), at(4_000));

        assertThat(store.grants().findActiveByAccount(account.id())).containsExactly(oldest, newest);
    }

    @Test
    void revokeThenFoundRevokedAtThatTime() {
        Grant grant = storedGrant();

        store.grants().revoke(grant.id(), at(9_009));

        Grant found = store.grants().findById(grant.id()).orElseThrow();
        assertThat(found.revokedAt()).contains(at(9_009));
        assertThat(found).isEqualTo(new Grant(grant.id(), grant.clientId(), grant.accountId(), grant.scopes(),
                grant.createdAt(), Optional.of(at(9_009))));
    }

    @Test
    void revokeWhenRevokedBeforeThenKeepsTheFirstTime() {
        Grant grant = storedGrant();
        store.grants().revoke(grant.id(), at(1_000));

        store.grants().revoke(grant.id(), at(2_000));

        assertThat(store.grants().findById(grant.id()).orElseThrow().revokedAt()).contains(at(1_000));
    }

    @Test
    void revokeAllThenRevokesOnlyThatAccountsActiveGrantsToThatClient() {
        Account account = storedAccount();
        Client client = storedClient();
        Grant first = storedGrant(client, account);
        Grant second = storedGrant(client, account);
        Grant alreadyRevoked = storedGrant(client, account);
        store.grants().revoke(alreadyRevoked.id(), at(500));
        Grant otherClient = storedGrant(storedClient(), account);
        Grant otherAccount = storedGrant(client, storedAccount());

        assertThat(store.grants().revokeAll(account.id(), client.id(), at(1_000))).isEqualTo(2);

        assertThat(store.grants().findById(first.id()).orElseThrow().revokedAt()).contains(at(1_000));
        assertThat(store.grants().findById(second.id()).orElseThrow().revokedAt()).contains(at(1_000));
        assertThat(store.grants().findById(alreadyRevoked.id()).orElseThrow().revokedAt()).contains(at(500));
        assertThat(store.grants().findById(otherClient.id()).orElseThrow().isActive()).isTrue();
        assertThat(store.grants().findById(otherAccount.id()).orElseThrow().isActive()).isTrue();
        assertThat(store.grants().revokeAll(account.id(), client.id(), at(2_000))).isZero();
    }

    @Test
    void revokeThenTokenLookupsReportTheGrantsRevocationTime() {
        Grant grant = storedGrant();
        RefreshToken refreshToken = TestTokens.refresh(grant).build();
        AccessToken accessToken = TestTokens.access(grant).with(refreshToken).build();
        store.tokens().add(accessToken, Optional.of(refreshToken));

        store.grants().revoke(grant.id(), at(6_006));

        AccessToken foundAccess = store.tokens().findAccessToken(accessToken.hash()).orElseThrow();
        RefreshToken foundRefresh = store.tokens().findRefreshToken(refreshToken.hash()).orElseThrow();
        assertThat(foundAccess.revokedAt()).contains(at(6_006));
        assertThat(foundRefresh.revokedAt()).contains(at(6_006));
        assertThat(foundAccess.isActive(at(7_000))).isFalse();
        assertThat(foundRefresh.isActive(at(7_000))).isFalse();
    }

    @Test
    void revokeWhenTokenRevokedEarlierThenLookupKeepsTheTokensTime() {
        Grant grant = storedGrant();
        AccessToken accessToken = TestTokens.access(grant).build();
        store.tokens().add(accessToken, Optional.empty());
        store.tokens().revokeAccessToken(accessToken.id(), at(1_000));

        store.grants().revoke(grant.id(), at(2_000));

        assertThat(store.tokens().findAccessToken(accessToken.hash()).orElseThrow().revokedAt()).contains(at(1_000));
    }

    @Test
    void revokeWhenRefreshTokenRetiredThenLookupReportsItRetiredAndRevoked() {
        Grant grant = storedGrant();
        RefreshToken retiring = TestTokens.refresh(grant).build();
        store.tokens().add(TestTokens.access(grant).with(retiring).build(), Optional.of(retiring));
        RefreshToken successor = TestTokens.refresh(grant).parent(retiring).build();
        store.tokens().rotate(retiring.id(), at(1_000), TestTokens.access(grant).with(successor).build(), successor);

        store.grants().revoke(grant.id(), at(2_000));

        RefreshToken found = store.tokens().findRefreshToken(retiring.hash()).orElseThrow();
        assertThat(found.retiredAt()).contains(at(1_000));
        assertThat(found.revokedAt()).contains(at(2_000));
        assertThat(store.tokens().findRefreshToken(successor.hash()).orElseThrow().revokedAt()).contains(at(2_000));
    }

    @Test
    void revokeAllThenTokenLookupsReportTokensRevoked() {
        Grant grant = storedGrant();
        AccessToken accessToken = TestTokens.access(grant).build();
        store.tokens().add(accessToken, Optional.empty());

        store.grants().revokeAll(grant.accountId().orElseThrow(), grant.clientId(), at(3_000));

        assertThat(store.tokens().findAccessToken(accessToken.hash()).orElseThrow().revokedAt()).contains(at(3_000));
    }

    @Test
    void revokeThenTheUnredeemedCodeYieldsNothingUsable() {
        Grant grant = storedGrant();
        AuthorizationCode code = TestCodes.from(grant).build();
        store.codes().add(code);

        store.grants().revoke(grant.id(), at(10));

        // The store may refuse the code outright, or redeem it while its grant reports the revocation.
        Redemption redemption = store.codes().redeem(code.hash(), code.clientId(), at(20));
        boolean usable = redemption instanceof Redemption.Redeemed(AuthorizationCode redeemed)
                && store.grants().findById(redeemed.grantId()).map(Grant::isActive).orElse(false);
        assertThat(usable).isFalse();
    }
}
