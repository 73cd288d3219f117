package dev.connect.oauth.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connect.oauth.domain.SecretHash;
import dev.connect.oauth.testkit.testdata.TestIds;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The promise of {@link dev.connect.oauth.application.port.out.JtiStore}. */
public abstract class JtiStoreContract extends StoreContract {
    private final SecretHash key = TestIds.hashOf(TestIds.secret());
    private final SecretHash other = TestIds.hashOf(TestIds.secret());

    @Test
    void claimWhenNeverClaimedThenTrue() {
        assertThat(store.jtis().claim(key, at(1_000), at(61_000))).isTrue();
    }

    @Test
    void claimWhenLiveClaimThenFalseUntilItExpires() {
        store.jtis().claim(key, at(1_000), at(61_000));

        assertThat(store.jtis().claim(key, at(2_000), at(62_000))).isFalse();
        assertThat(store.jtis().claim(key, at(60_999), at(120_000))).isFalse();
        assertThat(store.jtis().claim(other, at(2_000), at(62_000))).isTrue();
    }

    @Test
    void claimWhenTheClaimExpiredThenTrueAndLiveAgain() {
        store.jtis().claim(key, at(1_000), at(61_000));

        assertThat(store.jtis().claim(key, at(61_000), at(121_000))).isTrue();
        assertThat(store.jtis().claim(key, at(62_000), at(122_000))).isFalse();
    }

    @Test
    void purgeExpiredThenOnlyExpiredClaimsGoAndAtMostTheLimit() {
        store.jtis().claim(key, at(1_000), at(10_000));
        store.jtis().claim(other, at(1_000), at(10_000));
        SecretHash live = TestIds.hashOf(TestIds.secret());
        store.jtis().claim(live, at(1_000), at(100_000));

        assertThat(store.jtis().purgeExpired(at(20_000), 1)).isEqualTo(1);
        assertThat(store.jtis().purgeExpired(at(20_000), 10)).isEqualTo(1);
        assertThat(store.jtis().purgeExpired(at(20_000), 10)).isZero();
        assertThat(store.jtis().claim(live, at(20_000), at(120_000))).isFalse();
    }

    @Test
    void claimWhenRacedThenExactlyOneWins() throws Exception {
        List<Boolean> won = race(racer -> store.jtis().claim(key, at(1_000), at(61_000)));

        assertThat(won).containsOnlyOnce(true);
    }
}
