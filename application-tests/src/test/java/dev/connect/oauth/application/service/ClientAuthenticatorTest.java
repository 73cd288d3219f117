package dev.connect.oauth.application.service;

import static dev.connect.oauth.testkit.testdata.OAuthAssertions.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import dev.connect.oauth.application.port.in.ClientCredentials;
import dev.connect.oauth.application.port.out.SecretHasher;
import dev.connect.oauth.application.testdata.TestApplication;
import dev.connect.oauth.domain.Client;
import dev.connect.oauth.domain.ErrorCode;
import dev.connect.oauth.domain.SecretHash;
import dev.connect.oauth.testkit.testdata.TestClients;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ClientAuthenticatorTest {
    private final Scenario scenario = new Scenario();
    private final TestApplication app = scenario.app;
    private final CountingSecretHasher hasher = new CountingSecretHasher(app.secretHasher);
    private final ClientAuthenticator authenticator = new ClientAuthenticator(app.ports.clients(), hasher,
            app.assertions, app.sealer, app.clientKeys, app.ports.jtis(), app.clock, app.policy);

    @Test
    void authenticateWhenConfidentialClientPresentsItsSecretThenTheClient() {
        Client client = scenario.confidentialClient();

        assertThat(authenticator.authenticate(Scenario.credentials(client))).isEqualTo(client);
        assertThat(hasher.comparisons.get()).isEqualTo(1);
    }

    @Test
    void authenticateWhenPublicClientPresentsItsIdAloneThenTheClient() {
        Client client = scenario.publicClient();

        assertThat(authenticator.authenticate(Scenario.credentials(client))).isEqualTo(client);
    }

    @Test
    void authenticateWhenClientUnknownThenASecretIsComparedAnyway() {
        assertRejected(() -> authenticator.authenticate(new ClientCredentials("no-such-client",
                Optional.of(TestClients.SECRET))), ErrorCode.INVALID_CLIENT);

        assertThat(hasher.comparisons.get()).isEqualTo(1);
    }

    /** Counts constant-time comparisons: the step an unknown client id must not skip. */
    private static final class CountingSecretHasher implements SecretHasher {
        private final SecretHasher delegate;
        private final AtomicInteger comparisons = new AtomicInteger();

        CountingSecretHasher(SecretHasher delegate) {
            this.delegate = delegate;
        }

        @Override
        public SecretHash hash(String secret) {
            return delegate.hash(secret);
        }

        @Override
        public boolean matches(String secret, SecretHash expected) {
            comparisons.incrementAndGet();
            return delegate.matches(secret, expected);
        }
    }
}
