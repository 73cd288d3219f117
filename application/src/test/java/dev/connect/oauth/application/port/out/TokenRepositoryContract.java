package dev.connect.oauth.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.connect.oauth.application.testdata.TestGrants;
import dev.connect.oauth.application.testdata.TestIds;
import dev.connect.oauth.application.testdata.TestTokens;
import dev.connect.oauth.domain.AccessToken;
import dev.connect.oauth.domain.Grant;
import dev.connect.oauth.domain.RefreshToken;
import dev.connect.oauth.domain.TokenId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The promise of {@link TokenRepository}: lookups by hash, both tokens or neither, rotation at
 * most once per refresh token, idempotent revocation. The grant cascade is in
 * {@link GrantRepositoryContract}.
 */
public abstract class TokenRepositoryContract extends StoreContract {

    /** A refresh token with its access token, both stored. */
    private RefreshToken storedPair(Grant grant) {
        RefreshToken refreshToken = TestTokens.refresh(grant).build();
        store.tokens().add(TestTokens.access(grant).with(refreshToken).build(), Optional.of(refreshToken));
        return refreshToken;
    }

    @Test
    void findWhenPairAddedThenReturnsEveryFieldOfBoth() {
        Grant grant = storedGrant();
        RefreshToken refreshToken = TestTokens.refresh(grant).scopes("connect").issuedAt(at(1_500))
                .ttl(Duration.ofDays(30)).build();
        AccessToken accessToken = TestTokens.access(grant).scopes("connect").with(refreshToken).issuedAt(at(1_500))
                .ttl(Duration.ofMinutes(15)).build();

        store.tokens().add(accessToken, Optional.of(refreshToken));

        assertThat(store.tokens().findAccessToken(accessToken.hash())).contains(accessToken);
        assertThat(store.tokens().findRefreshToken(refreshToken.hash())).contains(refreshToken);
        assertThat(accessToken.refreshTokenId()).contains(refreshToken.id());
    }

    @Test
    void findWhenAccessTokenAddedAloneForTheClientItselfThenNoAccountNoRefreshToken() {
        Grant grant = TestGrants.forClient(storedClient());
        store.grants().add(grant);
        AccessToken accessToken = TestTokens.access(grant).build();

        store.tokens().add(accessToken, Optional.empty());

        AccessToken found = store.tokens().findAccessToken(accessToken.hash()).orElseThrow();
        assertThat(found).isEqualTo(accessToken);
        assertThat(found.accountId()).isEmpty();
        assertThat(found.refreshTokenId()).isEmpty();
    }

    @Test
    void findWhenUnknownOrOtherKindThenEmpty() {
        Grant grant = storedGrant();
        RefreshToken refreshToken = TestTokens.refresh(grant).build();
        AccessToken accessToken = TestTokens.access(grant).with(refreshToken).build();
        store.tokens().add(accessToken, Optional.of(refreshToken));

        assertThat(store.tokens().findAccessToken(TestIds.hashOf("not issued"))).isEmpty();
        assertThat(store.tokens().findRefreshToken(TestIds.hashOf("not issued"))).isEmpty();
        assertThat(store.tokens().findAccessToken(refreshToken.hash())).isEmpty();
        assertThat(store.tokens().findRefreshToken(accessToken.hash())).isEmpty();
    }

    @Test
    void addWhenTheAccessTokenCannotBeStoredThenNeitherIsTheRefreshToken() {
        Grant grant = storedGrant();
        AccessToken existing = TestTokens.access(grant).build();
        store.tokens().add(existing, Optional.empty());
        RefreshToken refreshToken = TestTokens.refresh(grant).build();
        AccessToken clash = TestTokens.access(grant).id(existing.id()).with(refreshToken).build();

        assertThatThrownBy(() -> store.tokens().add(clash, Optional.of(refreshToken)))
                .isInstanceOf(RuntimeException.class);

        assertThat(store.tokens().findRefreshToken(refreshToken.hash())).isEmpty();
        assertThat(store.tokens().findAccessToken(existing.hash())).contains(existing);
    }

    @Test
    void rotateWhenActiveThenRetiresTheOldAndStoresTheSuccessorPair() {
        Grant grant = storedGrant();
        RefreshToken old = storedPair(grant);
        RefreshToken successor = old.successor(new TokenId(TestIds.identifier()), TestIds.hashOf(TestIds.secret()),
                at(60_000), at(60_000).plus(Duration.ofDays(30)));
        AccessToken accessToken = TestTokens.access(grant).with(successor).issuedAt(at(60_000)).build();

        assertThat(store.tokens().rotate(old.id(), at(60_000), accessToken, successor)).isTrue();

        RefreshToken retired = store.tokens().findRefreshToken(old.hash()).orElseThrow();
        assertThat(retired.retiredAt()).contains(at(60_000));
        assertThat(retired.revokedAt()).isEmpty();
        assertThat(retired.isActive(at(60_001))).isFalse();
        assertThat(store.tokens().findRefreshToken(successor.hash())).contains(successor);
        assertThat(store.tokens().findRefreshToken(successor.hash()).orElseThrow().parentId()).contains(old.id());
        assertThat(store.tokens().findAccessToken(accessToken.hash())).contains(accessToken);
    }

    @Test
    void rotateWhenAlreadyRetiredThenFalseAndStoresNothing() {
        Grant grant = storedGrant();
        RefreshToken old = storedPair(grant);
        RefreshToken first = TestTokens.refresh(grant).parent(old).build();
        store.tokens().rotate(old.id(), at(1_000), TestTokens.access(grant).with(first).build(), first);
        RefreshToken second = TestTokens.refresh(grant).parent(old).build();
        AccessToken secondAccess = TestTokens.access(grant).with(second).build();

        assertThat(store.tokens().rotate(old.id(), at(2_000), secondAccess, second)).isFalse();

        assertStoredNothing(secondAccess, second);
        assertThat(store.tokens().findRefreshToken(old.hash()).orElseThrow().retiredAt()).contains(at(1_000));
    }

    @Test
    void rotateWhenRevokedThenFalseAndStoresNothing() {
        Grant grant = storedGrant();
        RefreshToken old = storedPair(grant);
        store.tokens().revokeRefreshToken(old.id(), at(1_000));
        RefreshToken successor = TestTokens.refresh(grant).parent(old).build();
        AccessToken accessToken = TestTokens.access(grant).with(successor).build();

        assertThat(store.tokens().rotate(old.id(), at(2_000), accessToken, successor)).isFalse();

        assertStoredNothing(accessToken, successor);
        assertThat(store.tokens().findRefreshToken(old.hash()).orElseThrow().retiredAt()).isEmpty();
    }

    @Test
    void rotateWhenGrantRevokedThenFalseAndStoresNothing() {
        Grant grant = storedGrant();
        RefreshToken old = storedPair(grant);
        store.grants().revoke(grant.id(), at(1_000));
        RefreshToken successor = TestTokens.refresh(grant).parent(old).build();
        AccessToken accessToken = TestTokens.access(grant).with(successor).build();

        assertThat(store.tokens().rotate(old.id(), at(2_000), accessToken, successor)).isFalse();

        assertStoredNothing(accessToken, successor);
    }

    @Test
    void rotateWhenUnknownThenFalseAndStoresNothing() {
        Grant grant = storedGrant();
        storedPair(grant);
        RefreshToken successor = TestTokens.refresh(grant).build();
        AccessToken accessToken = TestTokens.access(grant).with(successor).build();

        assertThat(store.tokens().rotate(new TokenId("no-such-token"), at(2_000), accessToken, successor)).isFalse();

        assertStoredNothing(accessToken, successor);
    }

    @Test
    void rotateWhenRacingThenExactlyOneSucceedsAndOnlyItsPairIsStored() throws Exception {
        Grant grant = storedGrant();
        RefreshToken old = storedPair(grant);
        List<RefreshToken> successors = new ArrayList<>();
        List<AccessToken> accessTokens = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            RefreshToken successor = TestTokens.refresh(grant).parent(old).build();
            successors.add(successor);
            accessTokens.add(TestTokens.access(grant).with(successor).build());
        }

        List<Boolean> outcomes = race(racer ->
                store.tokens().rotate(old.id(), at(1_000), accessTokens.get(racer), successors.get(racer)));

        assertThat(outcomes).containsOnlyOnce(true);
        int winner = outcomes.indexOf(true);
        for (int i = 0; i < RACERS; i++) {
            boolean stored = store.tokens().findRefreshToken(successors.get(i).hash()).isPresent();
            boolean accessStored = store.tokens().findAccessToken(accessTokens.get(i).hash()).isPresent();
            assertThat(stored).as("successor %d stored", i).isEqualTo(i == winner);
            assertThat(accessStored).as("access token %d stored", i).isEqualTo(i == winner);
        }
    }

    @Test
    void revokeAccessTokenThenFoundRevokedAndIdempotent() {
        Grant grant = storedGrant();
        AccessToken accessToken = TestTokens.access(grant).build();
        store.tokens().add(accessToken, Optional.empty());

        assertThat(store.tokens().revokeAccessToken(accessToken.id(), at(1_000))).isTrue();
        assertThat(store.tokens().revokeAccessToken(accessToken.id(), at(2_000))).isTrue();

        AccessToken found = store.tokens().findAccessToken(accessToken.hash()).orElseThrow();
        assertThat(found.revokedAt()).contains(at(1_000));
        assertThat(found.isActive(at(1_500))).isFalse();
    }

    @Test
    void revokeRefreshTokenThenFoundRevokedAndIdempotent() {
        Grant grant = storedGrant();
        RefreshToken refreshToken = storedPair(grant);

        assertThat(store.tokens().revokeRefreshToken(refreshToken.id(), at(1_000))).isTrue();
        assertThat(store.tokens().revokeRefreshToken(refreshToken.id(), at(2_000))).isTrue();

        RefreshToken found = store.tokens().findRefreshToken(refreshToken.hash()).orElseThrow();
        assertThat(found.revokedAt()).contains(at(1_000));
        assertThat(found.retiredAt()).isEmpty();
    }

    @Test
    void revokeWhenUnknownThenFalse() {
        storedPair(storedGrant());

        assertThat(store.tokens().revokeAccessToken(new TokenId("no-such-token"), at(1_000))).isFalse();
        assertThat(store.tokens().revokeRefreshToken(new TokenId("no-such-token"), at(1_000))).isFalse();
    }

    @Test
    void revokeAccessTokenThenLeavesTheGrantsOtherTokensActive() {
        Grant grant = storedGrant();
        AccessToken revoked = TestTokens.access(grant).build();
        AccessToken kept = TestTokens.access(grant).build();
        store.tokens().add(revoked, Optional.empty());
        store.tokens().add(kept, Optional.empty());

        store.tokens().revokeAccessToken(revoked.id(), at(1_000));

        assertThat(store.tokens().findAccessToken(kept.hash())).contains(kept);
    }

    private void assertStoredNothing(AccessToken accessToken, RefreshToken refreshToken) {
        assertThat(store.tokens().findAccessToken(accessToken.hash())).isEmpty();
        assertThat(store.tokens().findRefreshToken(refreshToken.hash())).isEmpty();
    }
}
