package dev.connect.oauth.adapter.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.connect.oauth.application.port.out.StorePorts;
import dev.connect.oauth.domain.AccessToken;
import dev.connect.oauth.domain.Account;
import dev.connect.oauth.domain.Client;
import dev.connect.oauth.domain.Grant;
import dev.connect.oauth.testkit.testdata.TestAccounts;
import dev.connect.oauth.testkit.testdata.TestClients;
import dev.connect.oauth.testkit.testdata.TestCodes;
import dev.connect.oauth.testkit.testdata.TestGrants;
import dev.connect.oauth.testkit.testdata.TestTokens;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The foreign keys the fakes enforce, so that service tests add rows in production order. */
class InMemoryStoreTest {
    private final StorePorts store = InMemoryPorts.create();
    private final Client client = TestClients.confidential().build();
    private final Account account = TestAccounts.customer().build();

    @Test
    void addGrantWhenClientOrAccountNotStoredThenRefused() {
        Grant grant = TestGrants.of(client, account);

        assertThatThrownBy(() -> store.grants().add(grant)).isInstanceOf(IllegalStateException.class);
        store.clients().add(client);
        assertThatThrownBy(() -> store.grants().add(grant)).isInstanceOf(IllegalStateException.class);
        store.accounts().add(account, TestAccounts.keyOf(account));
        store.grants().add(grant);

        assertThat(store.grants().findById(grant.id())).contains(grant);
    }

    @Test
    void addCodeOrTokenWhenGrantNotStoredThenRefusedAndNothingStored() {
        store.clients().add(client);
        store.accounts().add(account, TestAccounts.keyOf(account));
        Grant grant = TestGrants.of(client, account);

        assertThatThrownBy(() -> store.codes().add(TestCodes.from(grant).build()))
                .isInstanceOf(IllegalStateException.class);
        AccessToken accessToken = TestTokens.access(grant).build();
        assertThatThrownBy(() -> store.tokens().add(accessToken, Optional.empty()))
                .isInstanceOf(IllegalStateException.class);
        assertThat(store.tokens().findAccessToken(accessToken.hash())).isEmpty();
    }
}
