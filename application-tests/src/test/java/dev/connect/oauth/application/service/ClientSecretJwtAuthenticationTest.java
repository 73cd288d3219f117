package dev.connect.oauth.application.service;

import static dev.connect.oauth.testkit.testdata.OAuthAssertions.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import dev.connect.oauth.application.port.in.ClientCredentials;
import dev.connect.oauth.application.port.out.ClientAssertion;
import dev.connect.oauth.application.testdata.TestApplication;
import dev.connect.oauth.domain.Client;
import dev.connect.oauth.domain.ClientId;
import dev.connect.oauth.domain.ErrorCode;
import dev.connect.oauth.testkit.testdata.TestClients;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@code client_secret_jwt} in {@link ClientAuthenticator} (RFC 7523 §2.2, OpenID Connect Core §9):
 * an HMAC assertion keyed with the client's secret, which the server opens from its sealed copy. The
 * claim rules are {@code private_key_jwt}'s ({@link ClientAssertionAuthenticationTest}); here, what
 * differs: the key, the algorithms, and that the secret itself is never accepted.
 */
class ClientSecretJwtAuthenticationTest {
    private static final String SECRET = "s".repeat(86);
    private static final ClientId ID = new ClientId("hmac-client");

    private final TestApplication app = new TestApplication();
    private final Client client = add(TestClients.confidential().id(ID)
            .clientSecretJwt(app.sealer.seal(ID, SECRET), Optional.empty()).build());

    @Test
    void authenticateWhenMacKeyedWithTheSecretThenTheClient() {
        assertThat(app.clientAuthenticator.authenticate(credentials(assertion("HS256", "a"), SECRET))).isEqualTo(client);
        assertThat(app.clientAuthenticator.authenticate(credentials(assertion("HS512", "b"), SECRET))).isEqualTo(client);
    }

    @Test
    void authenticateWhenMacKeyedWithAnotherSecretThenInvalidClient() {
        assertRejected(() -> app.clientAuthenticator.authenticate(credentials(assertion("HS256", "a"), "t".repeat(86))),
                ErrorCode.INVALID_CLIENT);
    }

    @Test
    void authenticateWhenAlgNoneOrAsymmetricThenInvalidClient() {
        assertRejected(() -> app.clientAuthenticator.authenticate(credentials(assertion("none", "a"), SECRET)),
                ErrorCode.INVALID_CLIENT);
        assertRejected(() -> app.clientAuthenticator.authenticate(credentials(assertion("RS256", "b"), SECRET)),
                ErrorCode.INVALID_CLIENT);
    }

    @Test
    void authenticateWhenRegisteredAlgDiffersThenInvalidClient() {
        ClientId id = new ClientId("hs512-only");
        add(TestClients.confidential().id(id).clientSecretJwt(app.sealer.seal(id, SECRET), Optional.of("HS512")).build());
        ClientAssertion hs256 = new ClientAssertion("", "HS256", Optional.empty(), Optional.of(id.value()), Optional.of(id.value()),
                List.of(TestApplication.ISSUER), Optional.of(app.clock.instant().plusSeconds(60)), Optional.empty(),
                Optional.empty(), Optional.of("a"));

        assertRejected(() -> app.clientAuthenticator.authenticate(ClientCredentials.assertion(id.value(),
                app.assertions.signWithSecret(hs256, SECRET))), ErrorCode.INVALID_CLIENT);
    }

    @Test
    void authenticateWhenReplayedThenInvalidClient() {
        ClientCredentials credentials = credentials(assertion("HS256", "once"), SECRET);
        app.clientAuthenticator.authenticate(credentials);

        assertRejected(() -> app.clientAuthenticator.authenticate(credentials), ErrorCode.INVALID_CLIENT);
        assertRejected(() -> app.clientAuthenticator.authenticate(credentials(assertion("HS256", "once"), SECRET)),
                ErrorCode.INVALID_CLIENT);
    }

    @Test
    void authenticateWhenClaimRuleBrokenThenInvalidClient() {
        ClientAssertion expired = new ClientAssertion("", "HS256", Optional.empty(), Optional.of(ID.value()),
                Optional.of(ID.value()), List.of(TestApplication.ISSUER), Optional.of(app.clock.instant().minusSeconds(60)),
                Optional.empty(), Optional.empty(), Optional.of("a"));

        assertRejected(() -> app.clientAuthenticator.authenticate(credentials(expired, SECRET)), ErrorCode.INVALID_CLIENT);
    }

    @Test
    void authenticateWhenSecretPresentedInsteadOfAnAssertionThenInvalidClient() {
        assertRejected(() -> app.clientAuthenticator.authenticate(new ClientCredentials(ID.value(), Optional.of(SECRET))),
                ErrorCode.INVALID_CLIENT);
        assertRejected(() -> app.clientAuthenticator.authenticate(new ClientCredentials(ID.value(), Optional.empty())),
                ErrorCode.INVALID_CLIENT);
    }

    @Test
    void authenticateWhenSealedSecretDoesNotOpenThenInvalidClient() {
        ClientId id = new ClientId("copied-secret");
        // Another client's sealed secret, copied into this one's row: bound to its client, it does not open.
        add(TestClients.confidential().id(id).clientSecretJwt(app.sealer.seal(ID, SECRET), Optional.empty()).build());
        ClientAssertion claims = new ClientAssertion("", "HS256", Optional.empty(), Optional.of(id.value()), Optional.of(id.value()),
                List.of(TestApplication.ISSUER), Optional.of(app.clock.instant().plusSeconds(60)), Optional.empty(),
                Optional.empty(), Optional.of("a"));

        assertRejected(() -> app.clientAuthenticator.authenticate(ClientCredentials.assertion(id.value(),
                app.assertions.signWithSecret(claims, SECRET))), ErrorCode.INVALID_CLIENT);
    }

    private ClientAssertion assertion(String alg, String jti) {
        Instant now = app.clock.instant();
        return new ClientAssertion("", alg, Optional.empty(), Optional.of(ID.value()), Optional.of(ID.value()),
                List.of(TestApplication.ISSUER + "/oauth/token"), Optional.of(now.plusSeconds(60)), Optional.of(now),
                Optional.empty(), Optional.of(jti));
    }

    private ClientCredentials credentials(ClientAssertion assertion, String secret) {
        return ClientCredentials.assertion(ID.value(), app.assertions.signWithSecret(assertion, secret));
    }

    private Client add(Client added) {
        app.ports.clients().add(added);
        return added;
    }
}
