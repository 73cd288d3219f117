package dev.connect.oauth.adapter.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.connect.oauth.application.port.out.StorePorts;
import dev.connect.oauth.application.port.out.StoreUnavailableException;
import dev.connect.oauth.domain.Client;
import dev.connect.oauth.testkit.contract.StoreHealthContract;
import dev.connect.oauth.testkit.testdata.TestClients;
import org.junit.jupiter.api.Test;

/** The contract, and the switch that makes the whole in-memory store stop answering. */
class InMemoryStoreHealthTest extends StoreHealthContract {
    private final InMemoryStore inMemoryStore = new InMemoryStore();

    @Override
    protected StorePorts openStore() {
        return InMemoryPorts.create(inMemoryStore);
    }

    @Test
    void pingWhenDownThenStoreUnavailable() {
        inMemoryStore.setAvailable(false);

        assertThatThrownBy(() -> store.health().ping()).isInstanceOf(StoreUnavailableException.class);
    }

    @Test
    void portsWhenDownThenStoreUnavailable() {
        inMemoryStore.setAvailable(false);

        assertThatThrownBy(() -> store.clients().findAll()).isInstanceOf(StoreUnavailableException.class);
        assertThatThrownBy(() -> store.clients().add(TestClients.publicClient().build()))
                .isInstanceOf(StoreUnavailableException.class);
    }

    @Test
    void pingWhenBackThenReturnsAndDataIsKept() {
        Client client = storedClient();
        inMemoryStore.setAvailable(false);

        inMemoryStore.setAvailable(true);

        assertThatCode(store.health()::ping).doesNotThrowAnyException();
        assertThat(store.clients().findById(client.id())).contains(client);
    }
}
