package dev.connect.oauth.adapter.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.connect.oauth.adapter.memory.InMemoryPorts;
import dev.connect.oauth.application.port.out.ClientRepository;
import dev.connect.oauth.domain.Client;
import dev.connect.oauth.domain.ClientId;
import dev.connect.oauth.domain.SealedSecret;
import dev.connect.oauth.testkit.testdata.TestClients;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The secrets of {@code client_secret_jwt} clients at rest: sealed with the key-encryption key,
 * bound to their client, opened with the current or previous key, and sealed again by
 * {@code rewrap-keys}.
 */
class SealedClientSecretsTest {
    private static final KeyEncryptionKey OLD = KeyEncryptionKey.generate();
    private static final KeyEncryptionKey NEW = KeyEncryptionKey.generate();
    private static final String SECRET = "s".repeat(86);
    private static final ClientId ID = new ClientId("hmac-client");

    private final ClientRepository clients = InMemoryPorts.create().clients();

    @Test
    void sealWhenOpenedThenTheSecretAndTheStoredFormHoldsNothingOfIt() {
        SealedClientSecrets secrets = CryptoAdapter.clientSecretSealer(OLD, Optional.empty());

        SealedSecret sealed = secrets.seal(ID, SECRET);

        assertThat(sealed.value()).startsWith("A256GCM." + OLD.id() + ".").doesNotContain(SECRET).doesNotContain("sss");
        assertThat(secrets.seal(ID, SECRET)).isNotEqualTo(sealed); // a fresh nonce each time
        assertThat(secrets.open(ID, sealed)).contains(SECRET);
    }

    @Test
    void openWhenAnotherClientOrWrongKekOrAlteredThenEmpty() {
        SealedSecret sealed = CryptoAdapter.clientSecretSealer(OLD, Optional.empty()).seal(ID, SECRET);

        assertThat(CryptoAdapter.clientSecretSealer(OLD, Optional.empty()).open(new ClientId("other"), sealed)).isEmpty();
        assertThat(CryptoAdapter.clientSecretSealer(NEW, Optional.empty()).open(ID, sealed)).isEmpty();
        assertThat(CryptoAdapter.clientSecretSealer(OLD, Optional.empty()).open(ID, new SealedSecret(sealed.value() + "A")))
                .isEmpty();
        assertThat(CryptoAdapter.clientSecretSealer(OLD, Optional.empty()).open(ID, new SealedSecret("plain"))).isEmpty();
    }

    @Test
    void rewrapWhenKekRotatedThenSealedWithTheNewOneAndOnlyItIsNeeded() {
        Client client = TestClients.confidential().id(ID)
                .clientSecretJwt(CryptoAdapter.clientSecretSealer(OLD, Optional.empty()).seal(ID, SECRET), Optional.empty()).build();
        clients.add(client);
        clients.add(TestClients.confidential().build()); // a hashed secret: nothing to reseal
        SealedClientSecrets rolling = CryptoAdapter.clientSecretSealer(NEW, Optional.of(OLD));

        assertThat(rolling.open(ID, client.sealedSecret().orElseThrow())).contains(SECRET);
        assertThat(rolling.rewrap(clients)).isEqualTo(1);
        assertThat(rolling.rewrap(clients)).isZero();

        SealedSecret rewrapped = clients.findById(ID).orElseThrow().sealedSecret().orElseThrow();
        assertThat(rewrapped.value()).startsWith("A256GCM." + NEW.id() + ".");
        assertThat(CryptoAdapter.clientSecretSealer(NEW, Optional.empty()).open(ID, rewrapped)).contains(SECRET);
    }

    @Test
    void rewrapWhenASecretDoesNotOpenThenRefusedNamingTheClient() {
        clients.add(TestClients.confidential().id(ID)
                .clientSecretJwt(CryptoAdapter.clientSecretSealer(OLD, Optional.empty()).seal(ID, SECRET), Optional.empty()).build());

        assertThatThrownBy(() -> CryptoAdapter.clientSecretSealer(NEW, Optional.empty()).rewrap(clients))
                .isInstanceOf(KeyEncryptionException.class)
                .hasMessageContaining("The secret of client " + ID.value())
                .hasMessageNotContaining(SECRET);
    }
}
