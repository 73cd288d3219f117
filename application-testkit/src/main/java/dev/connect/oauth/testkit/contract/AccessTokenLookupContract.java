package dev.connect.oauth.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connect.oauth.application.port.out.AccessTokenLookup;
import dev.connect.oauth.application.port.out.DescribedAccessToken;
import dev.connect.oauth.application.port.out.TokenRepository;
import dev.connect.oauth.domain.AccessToken;
import dev.connect.oauth.domain.Account;
import dev.connect.oauth.domain.Client;
import dev.connect.oauth.domain.Grant;
import dev.connect.oauth.domain.RefreshToken;
import dev.connect.oauth.domain.SecretHash;
import dev.connect.oauth.testkit.testdata.TestAccounts;
import dev.connect.oauth.testkit.testdata.TestGrants;
import dev.connect.oauth.testkit.testdata.TestIds;
import dev.connect.oauth.testkit.testdata.TestTokens;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import dev.connect.oauth.domain.JwkThumbprint;
import org.junit.jupiter.api.Test;

/**
 * The promise of {@link AccessTokenLookup}: the access token with its account in one read, the
 * token reported exactly as {@link TokenRepository#findAccessToken} reports it; and the hashes of the
 * tokens revoked since a moment, by their own revocation or their grant's.
 */
public abstract class AccessTokenLookupContract extends StoreContract {

    private AccessToken storedAccessToken(Grant grant) {
        AccessToken accessToken = TestTokens.access(grant).build();
        store.tokens().add(accessToken, Optional.empty());
        return accessToken;
    }

    @Test
    void findWithAccountWhenTokenStoredThenEveryFieldOfTheTokenAndItsAccount() {
        Client client = storedClient();
        Account account = storedAccount(TestAccounts.customer().phone("+14155550123").createdAt(at(7)).build());
        Grant grant = storedGrant(client, account);
        RefreshToken refreshToken = TestTokens.refresh(grant).build();
        AccessToken accessToken = TestTokens.access(grant).scopes("connect").with(refreshToken).issuedAt(at(1_500))
                .ttl(Duration.ofMinutes(15)).build();
        store.tokens().add(accessToken, Optional.of(refreshToken));

        assertThat(store.accessTokenLookup().findWithAccount(accessToken.hash()))
                .contains(new DescribedAccessToken(accessToken, Optional.of(account)));
    }

    /** A JWK SHA-256 thumbprint (RFC 7638 §3.1's example) that DPoP-bound records carry. */
    private static final JwkThumbprint DPOP_KEY = new JwkThumbprint("NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs");

    /** The token-check cache keeps what this finds: the binding must be in it. */
    @Test
    void findWithAccountWhenDpopBoundThenTheKeyComesWithTheToken() {
        Grant grant = storedGrant();
        AccessToken accessToken = TestTokens.access(grant).boundTo(DPOP_KEY).build();
        store.tokens().add(accessToken, Optional.empty());

        assertThat(store.accessTokenLookup().findWithAccount(accessToken.hash()).orElseThrow().token())
                .isEqualTo(accessToken);
        assertThat(store.accessTokenLookup().findWithAccount(accessToken.hash()).orElseThrow().token().boundKey())
                .contains(DPOP_KEY);
    }

    @Test
    void findWithAccountWhenSeveralAccountsThenEachTokenWithItsOwn() {
        Client client = storedClient();
        Account first = storedAccount();
        Account second = storedAccount(TestAccounts.customer().withoutPassword().build());
        AccessToken firstToken = storedAccessToken(storedGrant(client, first));
        AccessToken secondToken = storedAccessToken(storedGrant(client, second));

        assertThat(store.accessTokenLookup().findWithAccount(firstToken.hash()).orElseThrow().account()).contains(first);
        assertThat(store.accessTokenLookup().findWithAccount(secondToken.hash()).orElseThrow().account())
                .contains(second);
    }

    @Test
    void findWithAccountWhenUnknownOrRefreshTokenHashThenEmpty() {
        Grant grant = storedGrant();
        RefreshToken refreshToken = TestTokens.refresh(grant).build();
        store.tokens().add(TestTokens.access(grant).with(refreshToken).build(), Optional.of(refreshToken));

        assertThat(store.accessTokenLookup().findWithAccount(TestIds.hashOf("not issued"))).isEmpty();
        assertThat(store.accessTokenLookup().findWithAccount(refreshToken.hash())).isEmpty();
    }

    @Test
    void findWithAccountWhenGrantRevokedThenTokenReportedRevokedAsTheTokenRepositoryDoes() {
        Grant grant = storedGrant();
        AccessToken accessToken = storedAccessToken(grant);
        store.grants().revoke(grant.id(), at(1_000));

        DescribedAccessToken found = store.accessTokenLookup().findWithAccount(accessToken.hash()).orElseThrow();

        assertThat(found.token().revokedAt()).contains(at(1_000));
        assertThat(found.token().isActive(at(1_001))).isFalse();
        assertThat(Optional.of(found.token())).isEqualTo(store.tokens().findAccessToken(accessToken.hash()));
        assertThat(found.account()).isPresent();
    }

    @Test
    void findWithAccountWhenTokenRevokedBeforeItsGrantThenKeepsTheTokensRevocation() {
        Grant grant = storedGrant();
        AccessToken accessToken = storedAccessToken(grant);
        store.tokens().revokeAccessToken(accessToken.id(), at(1_000));
        store.grants().revoke(grant.id(), at(2_000));

        AccessToken found = store.accessTokenLookup().findWithAccount(accessToken.hash()).orElseThrow().token();

        assertThat(found.revokedAt()).contains(at(1_000));
        assertThat(Optional.of(found)).isEqualTo(store.tokens().findAccessToken(accessToken.hash()));
    }

    @Test
    void findWithAccountWhenClientCredentialsTokenThenNoAccount() {
        Grant grant = TestGrants.forClient(storedClient());
        store.grants().add(grant);
        AccessToken accessToken = storedAccessToken(grant);

        DescribedAccessToken found = store.accessTokenLookup().findWithAccount(accessToken.hash()).orElseThrow();

        assertThat(found.token()).isEqualTo(accessToken);
        assertThat(found.account()).isEmpty();
        assertThat(Optional.of(found.token())).isEqualTo(store.tokens().findAccessToken(accessToken.hash()));
    }

    @Test
    void revokedSinceWhenTokenRevokedThenItsHashFromItsRevocationTimeOn() {
        Grant grant = storedGrant();
        AccessToken revoked = storedAccessToken(grant);
        storedAccessToken(grant);
        store.tokens().revokeAccessToken(revoked.id(), at(1_000));

        assertThat(store.accessTokenLookup().revokedSince(at(999))).containsExactly(revoked.hash());
        assertThat(store.accessTokenLookup().revokedSince(at(1_000))).containsExactly(revoked.hash());
        assertThat(store.accessTokenLookup().revokedSince(at(1_001))).isEmpty();
    }

    @Test
    void revokedSinceWhenGrantRevokedThenEveryTokenOfThatGrantOnce() {
        Client client = storedClient();
        Account account = storedAccount();
        Grant grant = storedGrant(client, account);
        AccessToken first = storedAccessToken(grant);
        AccessToken second = storedAccessToken(grant);
        storedAccessToken(storedGrant(client, account));
        store.tokens().revokeAccessToken(first.id(), at(1_500));
        store.grants().revoke(grant.id(), at(2_000));

        assertThat(store.accessTokenLookup().revokedSince(at(1_000)))
                .containsExactlyInAnyOrder(first.hash(), second.hash());
        assertThat(store.accessTokenLookup().revokedSince(at(1_800)))
                .containsExactlyInAnyOrder(first.hash(), second.hash());
        assertThat(store.accessTokenLookup().revokedSince(at(2_001))).isEmpty();
    }

    @Test
    void revokedSinceWhenTokenExpiredBeforeThenLeftOut() {
        Grant grant = storedGrant();
        AccessToken expired = TestTokens.access(grant).issuedAt(at(0)).ttl(Duration.ofSeconds(1)).build();
        store.tokens().add(expired, Optional.empty());
        AccessToken live = storedAccessToken(grant);
        store.grants().revoke(grant.id(), at(5_000));

        assertThat(store.accessTokenLookup().revokedSince(at(2_000))).containsExactly(live.hash());
    }

    @Test
    void revokedSinceWhenNothingRevokedThenEmpty() {
        storedAccessToken(storedGrant());

        assertThat(store.accessTokenLookup().revokedSince(at(0))).isEmpty();
    }

    @Test
    void revokedSinceWhenManyRevokedThenEachHashOnce() {
        Grant grant = storedGrant();
        List<SecretHash> hashes = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            AccessToken token = storedAccessToken(grant);
            store.tokens().revokeAccessToken(token.id(), at(100 + i));
            hashes.add(token.hash());
        }
        store.grants().revoke(grant.id(), at(200));

        assertThat(store.accessTokenLookup().revokedSince(at(0))).containsExactlyInAnyOrderElementsOf(hashes);
    }
}
