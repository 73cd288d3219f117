package dev.connect.oauth.application.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.connect.oauth.application.port.out.StoreHealthContract;
import dev.connect.oauth.application.port.out.StorePorts;
import dev.connect.oauth.application.port.out.StoreUnavailableException;
import dev.connect.oauth.application.testdata.TestClients;
import dev.connect.oauth.domain.Client;
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
        ((InMemoryStoreHealth) store.health()).goDown();

        assertThatThrownBy(() -> store.health().ping()).isInstanceOf(StoreUnavailableException.class);
    }

    @Test
    void portsWhenDownThenStoreUnavailable() {
        ((InMemoryStoreHealth) store.health()).goDown();

        assertThatThrownBy(() -> store.clients().findAll()).isInstanceOf(StoreUnavailableException.class);
        assertThatThrownBy(() -> store.clients().add(TestClients.publicClient().build()))
                .isInstanceOf(StoreUnavailableException.class);
    }

    @Test
    void pingWhenBackThenReturnsAndDataIsKept() {
        Client client = storedClient();
        InMemoryStoreHealth health = (InMemoryStoreHealth) store.health();
        health.goDown();

        health.comeBack();

        assertThatCode(health::ping).doesNotThrowAnyException();
        assertThat(store.clients().findById(client.id())).contains(client);
    }
}
