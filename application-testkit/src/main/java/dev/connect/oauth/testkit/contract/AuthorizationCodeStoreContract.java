package dev.connect.oauth.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.connect.oauth.application.port.out.AuthorizationCodeStore.Redemption;
import dev.connect.oauth.application.port.out.AuthorizationCodeStore;
import dev.connect.oauth.domain.AccessToken;
import dev.connect.oauth.domain.AuthorizationCode;
import dev.connect.oauth.domain.ClientId;
import dev.connect.oauth.domain.Grant;
import dev.connect.oauth.domain.PkceChallenge;
import dev.connect.oauth.domain.PkceMethod;
import dev.connect.oauth.domain.RefreshToken;
import dev.connect.oauth.testkit.testdata.TestCodes;
import dev.connect.oauth.testkit.testdata.TestIds;
import dev.connect.oauth.testkit.testdata.TestTokens;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import dev.connect.oauth.domain.JwkThumbprint;
import org.junit.jupiter.api.Test;

/**
 * The promise of {@link AuthorizationCodeStore}: a code is redeemed at most once, however many race,
 * only by the client it was issued to and only while its grant stands, as ordered by the store.
 */
public abstract class AuthorizationCodeStoreContract extends StoreContract {

    private AuthorizationCode storedCode(TestCodes.Builder builder) {
        AuthorizationCode code = builder.build();
        store.codes().add(code);
        return code;
    }

    @Test
    void redeemWhenS256CodeAddedThenRedeemedAsIssued() {
        Grant grant = storedGrant();
        AuthorizationCode code = storedCode(TestCodes.from(grant).redirectUri("http://localhost:8080/cb?app=1")
                .scopes("connect").issuedAt(at(1_001)).ttl(Duration.ofMinutes(10))
                .resources("https://api.example.com/v1?x=1", "urn:example:files"));

        Redemption redemption = store.codes().redeem(code.hash(), code.clientId(), at(2_000));

        assertThat(redemption).isEqualTo(new Redemption.Redeemed(code));
    }

    /** A JWK SHA-256 thumbprint (RFC 7638 §3.1's example) that DPoP-bound records carry. */
    private static final JwkThumbprint DPOP_KEY = new JwkThumbprint("NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs");

    /** RFC 9449 §10: the {@code dpop_jkt} a code is bound to is kept with it, beside its resources (RFC 8707). */
    @Test
    void redeemWhenBoundToADpopKeyThenRedeemedWithTheKey() {
        Grant grant = storedGrant();
        AuthorizationCode code = storedCode(TestCodes.from(grant).boundTo(DPOP_KEY).resources("urn:example:files"));

        Redemption redemption = store.codes().redeem(code.hash(), code.clientId(), at(2_000));

        assertThat(redemption).isEqualTo(new Redemption.Redeemed(code));
        assertThat(((Redemption.Redeemed) redemption).code().boundKey()).contains(DPOP_KEY);
        assertThat(store.codes().find(code.hash(), code.clientId()).orElseThrow().boundKey()).contains(DPOP_KEY);
        assertThat(store.codes().find(code.hash(), code.clientId()).orElseThrow().resources())
                .isEqualTo(code.resources());
    }

    @Test
    void redeemWhenPlainChallengeThenKeepsTheMethod() {
        Grant grant = storedGrant();
        AuthorizationCode code = storedCode(TestCodes.from(grant)
                .challenge(new PkceChallenge(TestCodes.VERIFIER, PkceMethod.PLAIN)));

        assertThat(store.codes().redeem(code.hash(), code.clientId(), at(2_000))).isEqualTo(new Redemption.Redeemed(code));
    }

    /** RFC 9700 §4.5: a leaked code presented by another client neither burns it nor counts as a replay. */
    @Test
    void redeemWhenPresentedByAnotherClientThenUnknownAndStillRedeemableByItsOwn() {
        Grant grant = storedGrant();
        AuthorizationCode code = storedCode(TestCodes.from(grant));

        Redemption stranger = store.codes().redeem(code.hash(), new ClientId(TestIds.identifier()), at(2_000));

        assertThat(stranger).isEqualTo(new Redemption.Unknown());
        assertThat(store.codes().redeem(code.hash(), code.clientId(), at(3_000))).isEqualTo(new Redemption.Redeemed(code));
    }

    @Test
    void redeemWhenNoChallengeThenChallengeAbsent() {
        Grant grant = storedGrant();
        AuthorizationCode code = storedCode(TestCodes.from(grant).withoutChallenge());

        Redemption redemption = store.codes().redeem(code.hash(), code.clientId(), at(2_000));

        assertThat(redemption).isEqualTo(new Redemption.Redeemed(code));
        assertThat(((Redemption.Redeemed) redemption).code().challenge()).isEmpty();
    }

    @Test
    void redeemWhenRedeemedBeforeThenAlreadyRedeemedWithTheCodesGrant() {
        Grant grant = storedGrant();
        AuthorizationCode code = storedCode(TestCodes.from(grant));
        store.codes().redeem(code.hash(), code.clientId(), at(2_000));

        Redemption replay = store.codes().redeem(code.hash(), code.clientId(), at(3_000));

        assertThat(replay).isInstanceOfSatisfying(Redemption.AlreadyRedeemed.class, already -> {
            assertThat(already.code().hash()).isEqualTo(code.hash());
            assertThat(already.code().grantId()).isEqualTo(grant.id());
            assertThat(already.code().clientId()).isEqualTo(grant.clientId());
        });
    }

    @Test
    void redeemWhenUnknownThenUnknown() {
        storedCode(TestCodes.from(storedGrant()));

        assertThat(store.codes().redeem(TestIds.hashOf("not an issued code"), new ClientId(TestIds.identifier()), at(1)))
                .isEqualTo(new Redemption.Unknown());
    }

    @Test
    void redeemThenLeavesOtherCodesOfTheGrantUnredeemed() {
        Grant grant = storedGrant();
        AuthorizationCode first = storedCode(TestCodes.from(grant));
        AuthorizationCode second = storedCode(TestCodes.from(grant));

        store.codes().redeem(first.hash(), first.clientId(), at(1));

        assertThat(store.codes().redeem(second.hash(), second.clientId(), at(2))).isEqualTo(new Redemption.Redeemed(second));
    }

    @Test
    void redeemWhenGrantRevokedThenGrantRevokedAndTheCodeStaysUnredeemed() {
        Grant grant = storedGrant();
        AuthorizationCode code = storedCode(TestCodes.from(grant));
        store.grants().revoke(grant.id(), at(1_000));

        assertThat(store.codes().redeem(code.hash(), code.clientId(), at(2_000))).isEqualTo(new Redemption.GrantRevoked(code));
        assertThat(store.codes().redeem(code.hash(), code.clientId(), at(3_000))).isEqualTo(new Redemption.GrantRevoked(code));
    }

    @Test
    void redeemWhenGrantRevokedAfterTheRedemptionThenAReplayIsStillAlreadyRedeemed() {
        Grant grant = storedGrant();
        AuthorizationCode code = storedCode(TestCodes.from(grant));
        store.codes().redeem(code.hash(), code.clientId(), at(2_000));
        store.grants().revoke(grant.id(), at(1_000));

        assertThat(store.codes().redeem(code.hash(), code.clientId(), at(3_000))).isInstanceOfSatisfying(Redemption.AlreadyRedeemed.class,
                replay -> assertThat(replay.code().redeemedAt()).contains(at(2_000)));
    }

    @Test
    void redeemWhenRacingARevocationOfTheGrantThenAtMostOneRedeemsAndTheOthersAreRefused() throws Exception {
        Grant grant = storedGrant();
        AuthorizationCode code = storedCode(TestCodes.from(grant));

        // The revocation carries the earlier clock reading, as a replayer on a slower node would.
        List<Redemption> outcomes = race(racer -> {
            if (racer == 0) {
                store.grants().revoke(grant.id(), at(500));
                return new Redemption.Unknown();
            }
            return store.codes().redeem(code.hash(), code.clientId(), at(1_000 + racer));
        });

        List<Redemption> redemptions = outcomes.subList(1, RACERS);
        long redeemed = redemptions.stream().filter(Redemption.Redeemed.class::isInstance).count();
        assertThat(redeemed).isLessThanOrEqualTo(1);
        if (redeemed == 0) {
            assertThat(redemptions).allMatch(Redemption.GrantRevoked.class::isInstance);
        } else {
            // A loser may read the revocation before the winner's commit (H2 does not make an
            // UPDATE whose condition no longer holds wait for the winner's lock): either refusal
            // ends in invalid_grant, and the winner's tokens belong to the revoked grant.
            assertThat(redemptions).filteredOn(r -> !(r instanceof Redemption.Redeemed))
                    .hasSize(RACERS - 2)
                    .allMatch(r -> r instanceof Redemption.AlreadyRedeemed || r instanceof Redemption.GrantRevoked);
        }
    }

    @Test
    void redeemWhenRacingThenExactlyOneRedeemed() throws Exception {
        AuthorizationCode code = storedCode(TestCodes.from(storedGrant()));

        List<Redemption> outcomes = race(racer -> store.codes().redeem(code.hash(), code.clientId(), at(1_000 + racer)));

        assertThat(outcomes).filteredOn(Redemption.Redeemed.class::isInstance).hasSize(1);
        assertThat(outcomes).filteredOn(Redemption.AlreadyRedeemed.class::isInstance).hasSize(RACERS - 1);
    }

    @Test
    void findWhenIssuedToThePresenterThenReturnsItUnchangedElseEmpty() {
        AuthorizationCode code = storedCode(TestCodes.from(storedGrant()));

        assertThat(store.codes().find(code.hash(), code.clientId())).contains(code);
        assertThat(store.codes().find(code.hash(), new ClientId(TestIds.identifier()))).isEmpty();
        assertThat(store.codes().find(TestIds.hashOf("not issued"), code.clientId())).isEmpty();
        assertThat(store.codes().redeem(code.hash(), code.clientId(), at(2_000))).isEqualTo(new Redemption.Redeemed(code));
    }

    @Test
    void redeemAndStoreWhenRedeemableThenRedeemsTheCodeAndStoresThePair() {
        Grant grant = storedGrant();
        AuthorizationCode code = storedCode(TestCodes.from(grant));
        RefreshToken refreshToken = TestTokens.refresh(grant).build();
        AccessToken accessToken = TestTokens.access(grant).with(refreshToken).build();

        boolean redeemed = store.codes().redeemAndStore(code.hash(), code.clientId(), at(2_000), accessToken, refreshToken);

        assertThat(redeemed).isTrue();
        assertThat(store.tokens().findAccessToken(accessToken.hash())).contains(accessToken);
        assertThat(store.tokens().findRefreshToken(refreshToken.hash())).contains(refreshToken);
        assertThat(store.codes().find(code.hash(), code.clientId()).orElseThrow().redeemedAt()).contains(at(2_000));
    }

    @Test
    void redeemAndStoreWhenRedeemedBeforeOrGrantRevokedOrStrangerThenFalseAndStoresNothing() {
        Grant grant = storedGrant();
        AuthorizationCode redeemed = storedCode(TestCodes.from(grant));
        store.codes().redeem(redeemed.hash(), redeemed.clientId(), at(1_500));
        Grant revokedGrant = storedGrant();
        AuthorizationCode ofRevokedGrant = storedCode(TestCodes.from(revokedGrant));
        store.grants().revoke(revokedGrant.id(), at(1_600));
        AuthorizationCode fresh = storedCode(TestCodes.from(grant));

        assertRedeemsAndStoresNothing(grant, redeemed, redeemed.clientId());
        assertRedeemsAndStoresNothing(revokedGrant, ofRevokedGrant, ofRevokedGrant.clientId());
        assertRedeemsAndStoresNothing(grant, fresh, new ClientId(TestIds.identifier()));
        assertThat(store.codes().redeem(ofRevokedGrant.hash(), ofRevokedGrant.clientId(), at(3_000)))
                .isInstanceOf(Redemption.GrantRevoked.class);
        assertThat(store.codes().redeem(fresh.hash(), fresh.clientId(), at(3_000))).isEqualTo(new Redemption.Redeemed(fresh));
    }

    @Test
    void redeemAndStoreWhenTheTokensCannotBeStoredThenTheCodeStaysUnredeemed() {
        Grant grant = storedGrant();
        AuthorizationCode code = storedCode(TestCodes.from(grant));
        AccessToken existing = TestTokens.access(grant).build();
        store.tokens().add(existing, Optional.empty());
        RefreshToken refreshToken = TestTokens.refresh(grant).build();
        AccessToken clash = TestTokens.access(grant).id(existing.id()).with(refreshToken).build();

        assertThatThrownBy(() -> store.codes().redeemAndStore(code.hash(), code.clientId(), at(2_000), clash, refreshToken))
                .isInstanceOf(RuntimeException.class);

        assertThat(store.tokens().findRefreshToken(refreshToken.hash())).isEmpty();
        assertThat(store.codes().redeem(code.hash(), code.clientId(), at(3_000))).isEqualTo(new Redemption.Redeemed(code));
    }

    @Test
    void redeemAndStoreWhenRacingThenExactlyOneRedeemsAndOnlyItsPairIsStored() throws Exception {
        Grant grant = storedGrant();
        AuthorizationCode code = storedCode(TestCodes.from(grant));
        List<RefreshToken> refreshTokens = new ArrayList<>();
        List<AccessToken> accessTokens = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            RefreshToken refreshToken = TestTokens.refresh(grant).build();
            refreshTokens.add(refreshToken);
            accessTokens.add(TestTokens.access(grant).with(refreshToken).build());
        }

        List<Boolean> outcomes = race(racer -> store.codes().redeemAndStore(code.hash(), code.clientId(),
                at(1_000 + racer), accessTokens.get(racer), refreshTokens.get(racer)));

        assertThat(outcomes).containsOnlyOnce(true);
        int winner = outcomes.indexOf(true);
        for (int i = 0; i < RACERS; i++) {
            assertThat(store.tokens().findRefreshToken(refreshTokens.get(i).hash())).as("refresh token %d", i)
                    .isEqualTo(i == winner ? Optional.of(refreshTokens.get(i)) : Optional.empty());
            assertThat(store.tokens().findAccessToken(accessTokens.get(i).hash()).isPresent()).as("access token %d", i)
                    .isEqualTo(i == winner);
        }
    }

    private void assertRedeemsAndStoresNothing(Grant grant, AuthorizationCode code, ClientId presenter) {
        RefreshToken refreshToken = TestTokens.refresh(grant).build();
        AccessToken accessToken = TestTokens.access(grant).with(refreshToken).build();

        assertThat(store.codes().redeemAndStore(code.hash(), presenter, at(2_000), accessToken, refreshToken)).isFalse();

        assertThat(store.tokens().findAccessToken(accessToken.hash())).isEmpty();
        assertThat(store.tokens().findRefreshToken(refreshToken.hash())).isEmpty();
    }
}
