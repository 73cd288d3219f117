package dev.connect.oauth.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connect.oauth.application.port.out.ServerSecretRepository;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The promise of {@link ServerSecretRepository}: one secret per name, the first added wins on every node. */
public abstract class ServerSecretRepositoryContract extends StoreContract {
    private static final String NAME = "pairwise-subject-key";

    @Test
    void findWhenNothingAddedThenEmpty() {
        assertThat(store.serverSecrets().find(NAME)).isEmpty();
    }

    @Test
    void addIfAbsentWhenAbsentThenStoredAndReturned() {
        assertThat(store.serverSecrets().addIfAbsent(NAME, "A256GCM.kek.nonce.sealed-1", at(1))).isEqualTo(
                "A256GCM.kek.nonce.sealed-1");

        assertThat(store.serverSecrets().find(NAME)).contains("A256GCM.kek.nonce.sealed-1");
        assertThat(store.serverSecrets().find("other")).isEmpty();
    }

    @Test
    void addIfAbsentWhenPresentThenKeepsAndReturnsTheFirst() {
        store.serverSecrets().addIfAbsent(NAME, "first", at(1));

        assertThat(store.serverSecrets().addIfAbsent(NAME, "second", at(2))).isEqualTo("first");
        assertThat(store.serverSecrets().find(NAME)).contains("first");
    }

    @Test
    void addIfAbsentWhenRacingThenEveryRacerGetsTheOneStored() throws Exception {
        List<String> stored = race(racer -> store.serverSecrets().addIfAbsent(NAME, "secret-" + racer, at(racer)));

        assertThat(stored).containsOnly(store.serverSecrets().find(NAME).orElseThrow());
    }

    @Test
    void replaceWhenStillExpectedThenReplacedElseLeftAlone() {
        store.serverSecrets().addIfAbsent(NAME, "old-seal", at(1));

        assertThat(store.serverSecrets().replace(NAME, "other-seal", "lost")).isFalse();
        assertThat(store.serverSecrets().replace(NAME, "old-seal", "new-seal")).isTrue();
        assertThat(store.serverSecrets().find(NAME)).contains("new-seal");
        assertThat(store.serverSecrets().replace("absent", "old-seal", "x")).isFalse();
    }
}
