package dev.connect.oauth.testkit.contract;

import static org.assertj.core.api.Assertions.assertThatCode;

import dev.connect.oauth.application.port.out.StoreHealth;
import dev.connect.oauth.application.port.out.StoreUnavailableException;
import org.junit.jupiter.api.Test;

/**
 * The promise of {@link StoreHealth} for a store that answers. How a store is made to stop
 * answering depends on the adapter, so each adapter's own test checks that {@code ping} then
 * throws {@link StoreUnavailableException}.
 */
public abstract class StoreHealthContract extends StoreContract {

    @Test
    void pingWhenStoreAnswersThenReturns() {
        assertThatCode(() -> store.health().ping()).doesNotThrowAnyException();
    }

    @Test
    void pingWhenStoreHoldsDataThenReturns() {
        storedGrant();

        assertThatCode(() -> store.health().ping()).doesNotThrowAnyException();
    }
}
