package dev.connect.oauth.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connect.oauth.application.port.out.MaintenanceSwitchStore;
import org.junit.jupiter.api.Test;

/** The promise of {@link MaintenanceSwitchStore}. */
public abstract class MaintenanceSwitchStoreContract extends StoreContract {

    @Test
    void isOnWhenNeverSetThenOff() {
        assertThat(store.maintenance().isOn()).isFalse();
    }

    @Test
    void setThenReadBackAndLastWriteWins() {
        store.maintenance().set(true, at(1));

        assertThat(store.maintenance().isOn()).isTrue();

        store.maintenance().set(false, at(2));
        store.maintenance().set(false, at(3));

        assertThat(store.maintenance().isOn()).isFalse();
    }
}
