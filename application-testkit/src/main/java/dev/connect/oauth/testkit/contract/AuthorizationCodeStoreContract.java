package dev.connect.oauth.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connect.oauth.application.port.out.AuthorizationCodeStore.Redemption;
import dev.connect.oauth.application.port.out.AuthorizationCodeStore;
import dev.connect.oauth.domain.AuthorizationCode;
import dev.connect.oauth.domain.ClientId;
import dev.connect.oauth.domain.Grant;
import dev.connect.oauth.domain.PkceChallenge;
import dev.connect.oauth.domain.PkceMethod;
import dev.connect.oauth.testkit.testdata.TestCodes;
import dev.connect.oauth.testkit.testdata.TestIds;
import java.time.Duration;
import java.util.List;
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
                .scopes("connect").issuedAt(at(1_001)).ttl(Duration.ofMinutes(10)));

        Redemption redemption = store.codes().redeem(code.hash(), code.clientId(), at(2_000));

        assertThat(redemption).isEqualTo(new Redemption.Redeemed(code));
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
    void redeemWhenRacingARevocationOfTheGrantThenTheStoreOrdersThem() throws Exception {
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
            assertThat(redemptions).filteredOn(Redemption.AlreadyRedeemed.class::isInstance).hasSize(RACERS - 2);
        }
    }

    @Test
    void redeemWhenRacingThenExactlyOneRedeemed() throws Exception {
        AuthorizationCode code = storedCode(TestCodes.from(storedGrant()));

        List<Redemption> outcomes = race(racer -> store.codes().redeem(code.hash(), code.clientId(), at(1_000 + racer)));

        assertThat(outcomes).filteredOn(Redemption.Redeemed.class::isInstance).hasSize(1);
        assertThat(outcomes).filteredOn(Redemption.AlreadyRedeemed.class::isInstance).hasSize(RACERS - 1);
    }
}
