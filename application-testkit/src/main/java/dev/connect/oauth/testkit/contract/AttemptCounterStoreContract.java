package dev.connect.oauth.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connect.oauth.application.port.out.AttemptCount;
import dev.connect.oauth.application.port.out.AttemptCounterStore;
import dev.connect.oauth.domain.SecretHash;
import dev.connect.oauth.testkit.testdata.TestIds;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The promise of {@link AttemptCounterStore}. */
public abstract class AttemptCounterStoreContract extends StoreContract {
    private static final Duration WINDOW = Duration.ofMinutes(1);

    private final SecretHash key = TestIds.hashOf(TestIds.secret());
    private final SecretHash other = TestIds.hashOf(TestIds.secret());

    @Test
    void addWhenNoCountThenStartsAWindowWithOneHit() {
        assertThat(store.attempts().add(key, at(1_000), WINDOW)).isEqualTo(new AttemptCount(1, at(61_000)));
    }

    @Test
    void addWithinTheWindowThenCountsUpAndKeepsItsEnd() {
        store.attempts().add(key, at(1_000), WINDOW);
        store.attempts().add(key, at(2_000), WINDOW);

        assertThat(store.attempts().add(key, at(60_999), WINDOW)).isEqualTo(new AttemptCount(3, at(61_000)));
    }

    @Test
    void addWhenTheWindowEndedThenStartsAnew() {
        store.attempts().add(key, at(1_000), WINDOW);
        store.attempts().add(key, at(2_000), WINDOW);

        assertThat(store.attempts().add(key, at(61_000), WINDOW)).isEqualTo(new AttemptCount(1, at(121_000)));
    }

    @Test
    void findThenOnlyLiveCountsOfTheKeysAsked() {
        store.attempts().add(key, at(1_000), WINDOW);
        store.attempts().add(key, at(1_000), WINDOW);
        store.attempts().add(other, at(1_000), Duration.ofSeconds(1));
        SecretHash never = TestIds.hashOf(TestIds.secret());

        Map<SecretHash, AttemptCount> found = store.attempts().find(List.of(key, other, never), at(2_000));

        assertThat(found).containsExactlyEntriesOf(Map.of(key, new AttemptCount(2, at(61_000))));
        assertThat(store.attempts().find(List.of(key), at(61_000))).isEmpty();
    }

    @Test
    void removeThenGoneAndOtherKeysStay() {
        store.attempts().add(key, at(1_000), WINDOW);
        store.attempts().add(other, at(1_000), WINDOW);

        store.attempts().remove(key);
        store.attempts().remove(key);

        assertThat(store.attempts().find(List.of(key, other), at(1_000))).containsOnlyKeys(other);
        assertThat(store.attempts().add(key, at(2_000), WINDOW).hits()).isEqualTo(1);
    }

    @Test
    void purgeEndedThenDeletesOnlyEndedCountsUpToTheLimit() {
        for (int i = 0; i < 3; i++) {
            store.attempts().add(TestIds.hashOf(TestIds.secret()), at(1_000), Duration.ofSeconds(1));
        }
        store.attempts().add(key, at(1_000), WINDOW);

        assertThat(store.attempts().purgeEnded(at(5_000), 2)).isEqualTo(2);
        assertThat(store.attempts().purgeEnded(at(5_000), 10)).isEqualTo(1);
        assertThat(store.attempts().purgeEnded(at(5_000), 10)).isZero();
        assertThat(store.attempts().find(List.of(key), at(5_000))).containsOnlyKeys(key);
    }

    @Test
    void addWhenRacedThenEveryAttemptCountsOnce() throws Exception {
        List<AttemptCount> counts = race(racer -> store.attempts().add(key, at(1_000), WINDOW));

        assertThat(counts).extracting(AttemptCount::hits).containsExactlyInAnyOrderElementsOf(
                IntStream.rangeClosed(1, RACERS).boxed().toList());
        assertThat(store.attempts().find(List.of(key), at(1_000)).get(key)).isEqualTo(new AttemptCount(RACERS, at(61_000)));
    }
}
