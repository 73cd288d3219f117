package dev.connect.oauth.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.connect.oauth.adapter.memory.InMemoryPorts;
import java.util.List;
import org.junit.jupiter.api.Test;

class StorePortsTest {
    private final StorePorts store = InMemoryPorts.create();

    @Test
    void withWhenAPortGivenThenOnlyThatPortReplaced() {
        AuditLog own = new AuditLog() {
            @Override
            public void record(AuditEvent event) {
            }

            @Override
            public List<AuditEvent> recent(int limit) {
                return List.of();
            }
        };

        StorePorts replaced = store.with(AuditLog.class, own);

        assertThat(replaced.audit()).isSameAs(own);
        assertThat(replaced.clients()).isSameAs(store.clients());
        assertThat(replaced.accounts()).isSameAs(store.accounts());
        assertThat(replaced.purge()).isSameAs(store.purge());
    }

    @Test
    void withWhenNotAStorePortThenRefused() {
        assertThatThrownBy(() -> store.with(Runnable.class, () -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Runnable");
    }

    @Test
    void byPortThenEveryPortByItsInterface() {
        assertThat(store.byPort()).hasSize(17).containsKeys(StorePorts.ports().toArray(Class<?>[]::new));
        assertThat(store.byPort().get(AuditLog.class)).isSameAs(store.audit());
        assertThat(store.byPort().get(TokenRepository.class)).isSameAs(store.tokens());
    }
}
