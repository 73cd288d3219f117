package dev.connect.oauth.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.connect.oauth.application.port.out.RefreshTokenOfGrant;
import dev.connect.oauth.application.port.out.TokenRepository;
import dev.connect.oauth.domain.AccessToken;
import dev.connect.oauth.domain.Grant;
import dev.connect.oauth.domain.RefreshToken;
import dev.connect.oauth.domain.TokenId;
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
                .ttl(Duration.ofDays(30)).resources("https://api.example.com/", "urn:example:files").build();
        AccessToken accessToken = TestTokens.access(grant).scopes("connect").with(refreshToken).issuedAt(at(1_500))
                .ttl(Duration.ofMinutes(15)).resources("urn:example:files").build();

        store.tokens().add(accessToken, Optional.of(refreshToken));

        assertThat(store.tokens().findAccessToken(accessToken.hash())).contains(accessToken);
        assertThat(store.tokens().findRefreshToken(refreshToken.hash())).contains(refreshToken);
        assertThat(accessToken.refreshTokenId()).contains(refreshToken.id());
    }

    /** A JWK SHA-256 thumbprint (RFC 7638 §3.1's example) that DPoP-bound records carry. */
    private static final JwkThumbprint DPOP_KEY = new JwkThumbprint("NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs");

    /**
     * RFC 9449: the key a token is bound to is kept with it, and read back; rotation keeps the
     * successor's, and the retired token's key and resources (RFC 8707) stay as they were.
     */
    @Test
    void findWhenDpopBoundPairAddedThenReturnsTheKeyOfBoth() {
        Grant grant = storedGrant();
        RefreshToken refreshToken = TestTokens.refresh(grant).boundTo(DPOP_KEY)
                .resources("https://api.example.com/", "urn:example:files").build();
        AccessToken accessToken = TestTokens.access(grant).with(refreshToken).boundTo(DPOP_KEY)
                .resources("urn:example:files").build();

        store.tokens().add(accessToken, Optional.of(refreshToken));

        assertThat(store.tokens().findAccessToken(accessToken.hash())).contains(accessToken);
        assertThat(store.tokens().findRefreshToken(refreshToken.hash())).contains(refreshToken);
        RefreshToken successor = TestTokens.refresh(grant).parent(refreshToken).boundTo(DPOP_KEY).build();
        AccessToken next = TestTokens.access(grant).with(successor).boundTo(DPOP_KEY).build();
        assertThat(store.tokens().rotate(refreshToken.id(), at(2_000), next, successor)).isTrue();
        assertThat(store.tokens().findRefreshToken(successor.hash())).contains(successor);
        assertThat(store.tokens().findAccessToken(next.hash())).contains(next);
        RefreshToken retired = store.tokens().findRefreshToken(refreshToken.hash()).orElseThrow();
        assertThat(retired.boundKey()).contains(DPOP_KEY);
        assertThat(retired.resources()).isEqualTo(refreshToken.resources());
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

    /**
     * Keys led by the time a token was made (the server's now) are stored and found byte for byte:
     * two that differ only in the case of one letter are two tokens.
     */
    @Test
    void findWhenKeysLedByTimesThatDifferInCaseThenEachFindsItsOwn() {
        Grant grant = storedGrant();
        String value = TestIds.secret();
        List<RefreshToken> refreshTokens = new ArrayList<>();
        List<AccessToken> accessTokens = new ArrayList<>();
        for (String time : List.of("-OGdOxJa", "-OGdOxJA")) {
            RefreshToken refreshToken = TestTokens.refresh(grant).value(value).keyTime(time).build();
            AccessToken accessToken = TestTokens.access(grant).with(refreshToken).value(value).keyTime(time).build();
            store.tokens().add(accessToken, Optional.of(refreshToken));
            refreshTokens.add(refreshToken);
            accessTokens.add(accessToken);
        }

        for (int i = 0; i < 2; i++) {
            assertThat(store.tokens().findRefreshToken(refreshTokens.get(i).hash())).contains(refreshTokens.get(i));
            assertThat(store.tokens().findAccessToken(accessTokens.get(i).hash())).contains(accessTokens.get(i));
        }
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

    /** A successor of {@code parent} (a root token of the grant when empty) with its access token, stored by rotation or add. */
    private Pair issuedFrom(Grant grant, Optional<RefreshToken> parent, long at) {
        TestTokens.RefreshTokenBuilder builder = TestTokens.refresh(grant).issuedAt(at(at));
        parent.ifPresent(builder::parent);
        RefreshToken refreshToken = builder.build();
        AccessToken accessToken = TestTokens.access(grant).with(refreshToken).issuedAt(at(at)).build();
        return new Pair(accessToken, refreshToken);
    }

    private record Pair(AccessToken access, RefreshToken refresh) {
    }

    @Test
    void reissueWhenTheSuccessorWasNeverUsedThenReplacesItWithItsAccessTokenAndStoresTheNewPair() {
        Grant grant = storedGrant();
        RefreshToken old = storedPair(grant);
        Pair first = issuedFrom(grant, Optional.of(old), 1_000);
        store.tokens().rotate(old.id(), at(1_000), first.access(), first.refresh());
        Pair again = issuedFrom(grant, Optional.of(old), 2_000);

        assertThat(store.tokens().reissue(again.access(), again.refresh(), at(2_000))).isTrue();

        assertThat(store.tokens().findRefreshToken(first.refresh().hash()).orElseThrow().revokedAt()).contains(at(2_000));
        assertThat(store.tokens().findAccessToken(first.access().hash()).orElseThrow().revokedAt()).contains(at(2_000));
        assertThat(store.tokens().findRefreshToken(again.refresh().hash())).contains(again.refresh());
        assertThat(store.tokens().findAccessToken(again.access().hash())).contains(again.access());
        assertThat(store.tokens().findRefreshToken(old.hash()).orElseThrow().retiredAt()).contains(at(1_000));
    }

    @Test
    void reissueWhenRepeatedThenReplacesTheLatestEachTime() {
        Grant grant = storedGrant();
        RefreshToken old = storedPair(grant);
        Pair first = issuedFrom(grant, Optional.of(old), 1_000);
        store.tokens().rotate(old.id(), at(1_000), first.access(), first.refresh());
        Pair second = issuedFrom(grant, Optional.of(old), 2_000);
        store.tokens().reissue(second.access(), second.refresh(), at(2_000));
        Pair third = issuedFrom(grant, Optional.of(old), 3_000);

        assertThat(store.tokens().reissue(third.access(), third.refresh(), at(3_000))).isTrue();

        assertThat(store.tokens().findRefreshToken(second.refresh().hash()).orElseThrow().revokedAt()).contains(at(3_000));
        assertThat(store.tokens().findRefreshToken(third.refresh().hash())).contains(third.refresh());
    }

    @Test
    void reissueWhenTheCodesRefreshTokenWasNeverUsedThenReplacesIt() {
        Grant grant = storedGrant();
        RefreshToken root = storedPair(grant);
        Pair again = issuedFrom(grant, Optional.empty(), 2_000);

        assertThat(store.tokens().reissue(again.access(), again.refresh(), at(2_000))).isTrue();

        assertThat(store.tokens().findRefreshToken(root.hash()).orElseThrow().revokedAt()).contains(at(2_000));
        assertThat(store.tokens().findRefreshToken(again.refresh().hash())).contains(again.refresh());
    }

    @Test
    void reissueWhenTheSuccessorWasUsedThenFalseAndStoresNothing() {
        Grant grant = storedGrant();
        RefreshToken old = storedPair(grant);
        Pair first = issuedFrom(grant, Optional.of(old), 1_000);
        store.tokens().rotate(old.id(), at(1_000), first.access(), first.refresh());
        Pair next = issuedFrom(grant, Optional.of(first.refresh()), 1_500);
        store.tokens().rotate(first.refresh().id(), at(1_500), next.access(), next.refresh());
        Pair again = issuedFrom(grant, Optional.of(old), 2_000);

        assertThat(store.tokens().reissue(again.access(), again.refresh(), at(2_000))).isFalse();

        assertStoredNothing(again.access(), again.refresh());
        assertThat(store.tokens().findRefreshToken(next.refresh().hash())).contains(next.refresh());
    }

    @Test
    void reissueWhenNothingWasIssuedOrItWasRevokedThenFalseAndStoresNothing() {
        Grant grant = storedGrant();
        RefreshToken old = storedPair(grant);
        Pair orphan = issuedFrom(grant, Optional.of(old), 2_000);
        store.tokens().revokeRefreshToken(old.id(), at(1_000));
        Pair root = issuedFrom(grant, Optional.empty(), 2_000);

        assertThat(store.tokens().reissue(orphan.access(), orphan.refresh(), at(2_000))).isFalse();
        assertThat(store.tokens().reissue(root.access(), root.refresh(), at(2_000))).isFalse();

        assertStoredNothing(orphan.access(), orphan.refresh());
        assertStoredNothing(root.access(), root.refresh());
    }

    @Test
    void reissueWhenGrantRevokedThenFalseAndStoresNothing() {
        Grant grant = storedGrant();
        storedPair(grant);
        store.grants().revoke(grant.id(), at(1_000));
        Pair again = issuedFrom(grant, Optional.empty(), 2_000);

        assertThat(store.tokens().reissue(again.access(), again.refresh(), at(2_000))).isFalse();

        assertStoredNothing(again.access(), again.refresh());
    }

    /**
     * Retries racing each other and the replaced token's own rotation: each reissue that succeeds
     * replaced the one active token before it (a retry after a retry is still a retry), so exactly
     * one token stays active; and once the token was used, no retry succeeds, nor one that lost its
     * token to another.
     */
    @Test
    void reissueWhenRacingEachOtherAndARotationThenExactlyOneTokenStaysActive() throws Exception {
        Grant grant = storedGrant();
        RefreshToken root = storedPair(grant);
        List<Pair> retries = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            retries.add(issuedFrom(grant, Optional.empty(), 1_000));
        }
        Pair rotated = issuedFrom(grant, Optional.of(root), 1_000);

        List<Boolean> outcomes = race(racer -> racer == 0
                ? store.tokens().rotate(root.id(), at(1_000), rotated.access(), rotated.refresh())
                : store.tokens().reissue(retries.get(racer).access(), retries.get(racer).refresh(), at(1_000)));

        List<RefreshToken> active = new ArrayList<>();
        for (int i = 1; i < RACERS; i++) {
            Optional<RefreshToken> stored = store.tokens().findRefreshToken(retries.get(i).refresh().hash());
            assertThat(stored.isPresent()).as("retry %d stored", i).isEqualTo(outcomes.get(i));
            stored.filter(token -> token.isActive(at(1_001))).ifPresent(active::add);
        }
        store.tokens().findRefreshToken(root.hash()).filter(token -> token.isActive(at(1_001))).ifPresent(active::add);
        if (outcomes.get(0)) {
            assertThat(outcomes.subList(1, RACERS)).containsOnly(false);
            assertThat(active).isEmpty();
            assertThat(store.tokens().findRefreshToken(rotated.refresh().hash())).contains(rotated.refresh());
        } else {
            assertThat(outcomes.subList(1, RACERS)).contains(true);
            assertThat(active).hasSize(1);
        }
    }

    @Test
    void addWithGrantThenStoresTheGrantAndItsAccessToken() {
        Grant grant = TestGrants.forClient(storedClient());
        AccessToken accessToken = TestTokens.access(grant).build();

        store.tokens().addWithGrant(grant, accessToken);

        assertThat(store.grants().findById(grant.id())).contains(grant);
        assertThat(store.tokens().findAccessToken(accessToken.hash())).contains(accessToken);
    }

    @Test
    void addWithGrantWhenTheAccessTokenCannotBeStoredThenNeitherIsTheGrant() {
        Grant grant = storedGrant();
        AccessToken existing = TestTokens.access(grant).build();
        store.tokens().add(existing, Optional.empty());
        Grant newGrant = TestGrants.forClient(storedClient());
        AccessToken clash = TestTokens.access(newGrant).id(existing.id()).build();

        assertThatThrownBy(() -> store.tokens().addWithGrant(newGrant, clash)).isInstanceOf(RuntimeException.class);

        assertThat(store.grants().findById(newGrant.id())).isEmpty();
        assertThat(store.tokens().findAccessToken(existing.hash())).contains(existing);
    }

    @Test
    void findRefreshTokenWithGrantThenCarriesWhenTheGrantWasCreated() {
        Grant grant = storedGrant();
        RefreshToken refreshToken = storedPair(grant);

        assertThat(store.tokens().findRefreshTokenWithGrant(refreshToken.hash()))
                .contains(new RefreshTokenOfGrant(refreshToken, grant.createdAt()));
        assertThat(store.tokens().findRefreshTokenWithGrant(TestIds.hashOf("not issued"))).isEmpty();
    }

    /** Concurrent writes may share a transaction (group commit): one caller's failure stays its own. */
    @Test
    void addWhenRacingWithOneClashThenOnlyTheClashFailsAndEveryOtherPairIsStored() throws Exception {
        Grant grant = storedGrant();
        AccessToken existing = TestTokens.access(grant).build();
        store.tokens().add(existing, Optional.empty());
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            Pair pair = issuedFrom(grant, Optional.empty(), 1_000);
            pairs.add(i == 0 ? new Pair(TestTokens.access(grant).id(existing.id()).with(pair.refresh()).build(),
                    pair.refresh()) : pair);
        }

        List<Boolean> stored = race(racer -> {
            try {
                store.tokens().add(pairs.get(racer).access(), Optional.of(pairs.get(racer).refresh()));
                return true;
            } catch (RuntimeException clash) {
                return false;
            }
        });

        assertThat(stored.get(0)).isFalse();
        assertThat(stored.subList(1, RACERS)).containsOnly(true);
        assertStoredNothing(pairs.get(0).access(), pairs.get(0).refresh());
        for (Pair pair : pairs.subList(1, RACERS)) {
            assertThat(store.tokens().findAccessToken(pair.access().hash())).contains(pair.access());
            assertThat(store.tokens().findRefreshToken(pair.refresh().hash())).contains(pair.refresh());
        }
    }

    private void assertStoredNothing(AccessToken accessToken, RefreshToken refreshToken) {
        assertThat(store.tokens().findAccessToken(accessToken.hash())).isEmpty();
        assertThat(store.tokens().findRefreshToken(refreshToken.hash())).isEmpty();
    }
}
