package dev.connect.oauth.application.service;

import static dev.connect.oauth.testkit.testdata.OAuthAssertions.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import dev.connect.oauth.application.port.in.ClientCredentials;
import dev.connect.oauth.application.port.out.ClientAssertion;
import dev.connect.oauth.application.testdata.TestApplication;
import dev.connect.oauth.domain.Client;
import dev.connect.oauth.domain.ClientAuthMethod;
import dev.connect.oauth.domain.ClientAuthSettings;
import dev.connect.oauth.domain.ErrorCode;
import dev.connect.oauth.domain.GrantType;
import dev.connect.oauth.testkit.fake.FakeClientAssertionCodec;
import dev.connect.oauth.testkit.testdata.TestClients;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * {@code private_key_jwt} in {@link ClientAuthenticator} (RFC 7523 §3): a valid assertion
 * authenticates, and each rule, broken alone, is {@code invalid_client}.
 */
class ClientAssertionAuthenticationTest {
    private static final String KEY = "key-1";
    private static final String JWKS_URI = "https://keys.example.com/jwks.json";

    private final TestApplication app = new TestApplication();
    private final Client client = add(TestClients.confidential().privateKeyJwt(FakeClientAssertionCodec.jwkSet(KEY)).build());

    @Test
    void authenticateWhenAssertionValidThenTheClient() {
        assertThat(app.clientAuthenticator.authenticate(credentials(valid()))).isEqualTo(client);
    }

    @Test
    void authenticateWhenAudienceIsTheTokenEndpointThenTheClient() {
        assertThat(app.clientAuthenticator.authenticate(credentials(with(a -> copy(a, null, null,
                List.of(TestApplication.ISSUER + "/oauth/token"), null, null, null, null))))).isEqualTo(client);
    }

    @Test
    void authenticateWhenAssertionReplayedThenInvalidClient() {
        ClientCredentials credentials = credentials(valid());
        app.clientAuthenticator.authenticate(credentials);

        assertRejected(() -> app.clientAuthenticator.authenticate(credentials), ErrorCode.INVALID_CLIENT);
    }

    @Test
    void authenticateWhenSameJtiInNewAssertionThenInvalidClient() {
        app.clientAuthenticator.authenticate(credentials(valid()));

        assertRejected(() -> app.clientAuthenticator.authenticate(credentials(valid())), ErrorCode.INVALID_CLIENT);
    }

    @Test
    void authenticateWhenEachRuleBrokenAloneThenInvalidClient() {
        Instant now = app.clock.instant();
        List<UnaryOperator<ClientAssertion>> broken = List.of(
                a -> copy(a, Optional.of("someone-else"), null, null, null, null, null, null),
                a -> copy(a, Optional.empty(), null, null, null, null, null, null),
                a -> copy(a, null, Optional.of("someone-else"), null, null, null, null, null),
                a -> copy(a, null, null, List.of("https://other.example.com"), null, null, null, null),
                a -> copy(a, null, null, List.of(), null, null, null, null),
                a -> copy(a, null, null, null, Optional.empty(), null, null, null),
                a -> copy(a, null, null, null, Optional.of(now.minusSeconds(31)), Optional.of(now.minusSeconds(60)), null, null),
                a -> copy(a, null, null, null, null, Optional.of(now.plusSeconds(31)), null, null),
                a -> copy(a, null, null, null, null, null, Optional.of(now.plusSeconds(31)), null),
                a -> copy(a, null, null, null, Optional.of(now.plus(Duration.ofMinutes(5)).plusSeconds(1)), null, null, null),
                a -> copy(a, null, null, null, Optional.of(now.plus(Duration.ofMinutes(6))), Optional.empty(), null, null),
                a -> copy(a, null, null, null, null, null, null, Optional.empty()),
                a -> copy(a, null, null, null, null, null, null, Optional.of("")),
                a -> copy(a, null, null, null, null, null, null, Optional.of("x".repeat(257))),
                a -> new ClientAssertion(a.compact(), "HS256", a.keyId(), a.issuer(), a.subject(), a.audience(),
                        a.expiresAt(), a.issuedAt(), a.notBefore(), a.jwtId()),
                a -> new ClientAssertion(a.compact(), "none", a.keyId(), a.issuer(), a.subject(), a.audience(),
                        a.expiresAt(), a.issuedAt(), a.notBefore(), a.jwtId()));
        for (int i = 0; i < broken.size(); i++) {
            ClientCredentials credentials = credentials(broken.get(i).apply(valid("jti-" + i)));
            assertRejected(() -> app.clientAuthenticator.authenticate(credentials), ErrorCode.INVALID_CLIENT);
        }
    }

    @Test
    void authenticateWhenSignedByAnotherKeyThenInvalidClient() {
        String jwt = app.assertions.sign(valid(), "unregistered-key");

        assertRejected(() -> app.clientAuthenticator.authenticate(ClientCredentials.assertion(client.id().value(), jwt)),
                ErrorCode.INVALID_CLIENT);
    }

    @Test
    void authenticateWhenNotAJwtOrUnknownClientThenInvalidClient() {
        assertRejected(() -> app.clientAuthenticator.authenticate(ClientCredentials.assertion(client.id().value(), "garbage")),
                ErrorCode.INVALID_CLIENT);
        assertRejected(() -> app.clientAuthenticator.authenticate(ClientCredentials.assertion("unknown",
                app.assertions.sign(valid(), KEY))), ErrorCode.INVALID_CLIENT);
    }

    @Test
    void authenticateWhenSecretClientSendsAssertionThenInvalidClient() {
        Client secretClient = add(TestClients.confidential().build());
        String jwt = app.assertions.sign(copy(valid(), Optional.of(secretClient.id().value()),
                Optional.of(secretClient.id().value()), null, null, null, null, null), KEY);

        assertRejected(() -> app.clientAuthenticator.authenticate(ClientCredentials.assertion(secretClient.id().value(), jwt)),
                ErrorCode.INVALID_CLIENT);
    }

    @Test
    void authenticateWhenKeyClientSendsSecretOrNothingThenInvalidClient() {
        assertRejected(() -> app.clientAuthenticator.authenticate(new ClientCredentials(client.id().value(),
                Optional.of(TestClients.SECRET))), ErrorCode.INVALID_CLIENT);
        assertRejected(() -> app.clientAuthenticator.authenticate(new ClientCredentials(client.id().value(),
                Optional.empty())), ErrorCode.INVALID_CLIENT);
    }

    @Test
    void authenticateWhenRegisteredAlgDiffersThenInvalidClient() {
        Client es384Only = add(TestClients.confidential().secretHash(Optional.empty()).auth(new ClientAuthSettings(
                ClientAuthMethod.PRIVATE_KEY_JWT, Set.of(GrantType.CLIENT_CREDENTIALS), Set.of(),
                Optional.of(FakeClientAssertionCodec.jwkSet(KEY)), Optional.empty(), Optional.of("ES384"), Optional.empty())).build());
        String jwt = app.assertions.sign(copy(valid(), Optional.of(es384Only.id().value()), Optional.of(es384Only.id().value()),
                null, null, null, null, null), KEY);

        assertRejected(() -> app.clientAuthenticator.authenticate(ClientCredentials.assertion(es384Only.id().value(), jwt)),
                ErrorCode.INVALID_CLIENT);
    }

    @Test
    void authenticateWhenKeysAtJwksUriThenFetchedOnceAndCached() {
        Client remote = add(remoteKeysClient());
        app.clientKeys.publish(JWKS_URI, FakeClientAssertionCodec.jwkSet(KEY));

        app.clientAuthenticator.authenticate(credentialsOf(remote, "a"));
        app.clientAuthenticator.authenticate(credentialsOf(remote, "b"));

        assertThat(app.clientKeys.fetches()).isEqualTo(1);
    }

    @Test
    void authenticateWhenKeyIdUnknownThenRefetchedOnceAfterTheMinimumInterval() {
        Client remote = add(remoteKeysClient());
        app.clientKeys.publish(JWKS_URI, FakeClientAssertionCodec.jwkSet(KEY));
        app.clientAuthenticator.authenticate(credentialsOf(remote, "a"));
        app.clientKeys.publish(JWKS_URI, FakeClientAssertionCodec.jwkSet(KEY, "key-2"));
        app.clock.advance(ClientKeys.MIN_REFETCH_INTERVAL);

        ClientAssertion rotated = copy(valid("b"), Optional.of(remote.id().value()), Optional.of(remote.id().value()),
                null, null, null, null, null);
        String jwt = app.assertions.sign(new ClientAssertion("", rotated.algorithm(), Optional.of("key-2"), rotated.issuer(),
                rotated.subject(), rotated.audience(), rotated.expiresAt(), rotated.issuedAt(), rotated.notBefore(),
                rotated.jwtId()), "key-2");

        assertThat(app.clientAuthenticator.authenticate(ClientCredentials.assertion(remote.id().value(), jwt))).isEqualTo(remote);
        assertThat(app.clientKeys.fetches()).isEqualTo(2);
    }

    @Test
    void authenticateWhenJwksUriUnreachableThenInvalidClient() {
        Client remote = add(remoteKeysClient());

        assertRejected(() -> app.clientAuthenticator.authenticate(credentialsOf(remote, "a")), ErrorCode.INVALID_CLIENT);
    }

    @Test
    void authenticateWhenCachedKeysExpiredThenFetchedAgain() {
        Client remote = add(remoteKeysClient());
        app.clientKeys.publish(JWKS_URI, FakeClientAssertionCodec.jwkSet(KEY));
        app.clientAuthenticator.authenticate(credentialsOf(remote, "a"));
        app.clock.advance(ClientKeys.TTL);

        app.clientAuthenticator.authenticate(credentialsOf(remote, "b"));

        assertThat(app.clientKeys.fetches()).isEqualTo(2);
    }

    private Client remoteKeysClient() {
        return TestClients.confidential().secretHash(Optional.empty()).auth(new ClientAuthSettings(ClientAuthMethod.PRIVATE_KEY_JWT,
                Set.of(GrantType.CLIENT_CREDENTIALS), Set.of(), Optional.empty(), Optional.of(JWKS_URI), Optional.empty(),
                Optional.empty())).build();
    }

    private ClientCredentials credentialsOf(Client other, String jti) {
        return ClientCredentials.assertion(other.id().value(), app.assertions.sign(copy(valid(jti),
                Optional.of(other.id().value()), Optional.of(other.id().value()), null, null, null, null, null), KEY));
    }

    private Client add(Client added) {
        app.ports.clients().add(added);
        return added;
    }

    private ClientAssertion valid() {
        return valid("jti-valid");
    }

    private ClientAssertion valid(String jti) {
        Instant now = app.clock.instant();
        String id = client.id().value();
        return new ClientAssertion("", "ES256", Optional.of(KEY), Optional.of(id), Optional.of(id),
                List.of(TestApplication.ISSUER), Optional.of(now.plusSeconds(60)), Optional.of(now), Optional.of(now),
                Optional.of(jti));
    }

    private ClientAssertion with(UnaryOperator<ClientAssertion> change) {
        return change.apply(valid());
    }

    private ClientCredentials credentials(ClientAssertion assertion) {
        return ClientCredentials.assertion(client.id().value(), app.assertions.sign(assertion, KEY));
    }

    /** {@code assertion} with each non-null argument in place of its value. */
    private static ClientAssertion copy(ClientAssertion a, Optional<String> iss, Optional<String> sub, List<String> aud,
                                        Optional<Instant> exp, Optional<Instant> iat, Optional<Instant> nbf,
                                        Optional<String> jti) {
        return new ClientAssertion(a.compact(), a.algorithm(), a.keyId(), iss != null ? iss : a.issuer(),
                sub != null ? sub : a.subject(), aud != null ? aud : a.audience(), exp != null ? exp : a.expiresAt(),
                iat != null ? iat : a.issuedAt(), nbf != null ? nbf : a.notBefore(), jti != null ? jti : a.jwtId());
    }
}
