package dev.connect.oauth.application.service;

import static dev.connect.oauth.application.service.Scenario.principal;
import static dev.connect.oauth.testkit.testdata.OAuthAssertions.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import dev.connect.oauth.application.port.in.AuthorizationRedirectException;
import dev.connect.oauth.application.port.in.ClientAuthMetadata;
import dev.connect.oauth.application.port.in.ClientCredentials;
import dev.connect.oauth.application.port.in.ClientCredentialsCommand;
import dev.connect.oauth.application.port.in.Principal;
import dev.connect.oauth.application.port.in.RefreshTokenCommand;
import dev.connect.oauth.application.port.in.RegisterClientCommand;
import dev.connect.oauth.application.port.in.RegisteredClient;
import dev.connect.oauth.application.port.out.ClientAssertion;
import dev.connect.oauth.application.testdata.TestApplication;
import dev.connect.oauth.domain.ClientAuthMethod;
import dev.connect.oauth.domain.ClientAuthSettings;
import dev.connect.oauth.domain.ClientType;
import dev.connect.oauth.domain.ErrorCode;
import dev.connect.oauth.domain.GrantType;
import dev.connect.oauth.domain.ResponseType;
import dev.connect.oauth.testkit.fake.FakeClientAssertionCodec;
import dev.connect.oauth.testkit.testdata.TestClients;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * The authentication metadata of {@code POST /api/v1/clients} (RFC 7591 §2) through
 * {@link RegisterClientService}, and its enforcement: a client uses only the grants and response
 * types it registered ({@code unauthorized_client} otherwise).
 */
class ClientMetadataRegistrationTest {
    private static final String JWKS = FakeClientAssertionCodec.jwkSet("k1");

    private final Scenario scenario = new Scenario();
    private final TestApplication app = scenario.app;
    private final Principal admin = principal(scenario.admin());

    @Test
    void registerWhenNoAuthMetadataThenTheTypesDefaults() {
        RegisteredClient confidential = register("confidential", List.of(TestClients.REDIRECT_URI), ClientAuthMetadata.DEFAULTS);
        RegisteredClient publicClient = register("public", List.of(TestClients.REDIRECT_URI), ClientAuthMetadata.DEFAULTS);

        assertThat(confidential.client().auth().method()).isEqualTo(ClientAuthMethod.CLIENT_SECRET_BASIC);
        assertThat(confidential.client().auth().grantTypes()).containsExactlyInAnyOrder(GrantType.values());
        assertThat(publicClient.client().auth().method()).isEqualTo(ClientAuthMethod.NONE);
        assertThat(publicClient.client().auth().responseTypes()).containsExactly(ResponseType.CODE);
    }

    @Test
    void registerWhenPrivateKeyJwtThenNoSecretAndKeysKept() {
        RegisteredClient registered = register("confidential", List.of(), auth("private_key_jwt", List.of("client_credentials"),
                Optional.empty(), Optional.of(JWKS), Optional.empty()));

        assertThat(registered.secret()).isEmpty();
        assertThat(registered.client().secretHash()).isEmpty();
        assertThat(registered.client().auth().jwks()).contains(JWKS);
        assertThat(registered.client().type()).isEqualTo(ClientType.CONFIDENTIAL);
    }

    @Test
    void registerWhenClientSecretPostThenSecretIssuedAndBothTransportsWork() {
        RegisteredClient registered = register("confidential", List.of(), auth("client_secret_post",
                List.of("client_credentials"), Optional.empty(), Optional.empty(), Optional.empty()));

        assertThat(registered.client().auth().method()).isEqualTo(ClientAuthMethod.CLIENT_SECRET_POST);
        assertThat(app.issueClientCredentialsToken.issue(new ClientCredentialsCommand(new ClientCredentials(
                registered.client().id().value(), registered.secret()), Optional.empty())).accessToken()).isNotBlank();
    }

    @Test
    void registerWhenClientSecretJwtThenLongSecretKeptSealedNotHashedAndAssertionsWork() {
        RegisteredClient registered = register("confidential", List.of(), auth("client_secret_jwt",
                List.of("client_credentials"), Optional.empty(), Optional.empty(), Optional.of("HS512")));
        String secret = registered.secret().orElseThrow();

        assertThat(secret).hasSize(86); // 512 bits: keys HS512 (RFC 7518 §3.2)
        assertThat(registered.client().secretHash()).isEmpty();
        assertThat(app.sealer.open(registered.client().id(), registered.client().sealedSecret().orElseThrow())).contains(secret);
        assertThat(app.issueClientCredentialsToken.issue(new ClientCredentialsCommand(hmacCredentials(registered, secret, "a"),
                Optional.empty())).accessToken()).isNotBlank();
        assertRejected(() -> app.issueClientCredentialsToken.issue(new ClientCredentialsCommand(new ClientCredentials(
                registered.client().id().value(), Optional.of(secret)), Optional.empty())), ErrorCode.INVALID_CLIENT);
    }

    @Test
    void rotateWhenClientSecretJwtThenTheSealedCopyChangesAndTheOldSecretStops() {
        RegisteredClient registered = register("confidential", List.of(), auth("client_secret_jwt",
                List.of("client_credentials"), Optional.empty(), Optional.empty(), Optional.empty()));
        String old = registered.secret().orElseThrow();

        RegisteredClient rotated = app.rotateClientSecret.rotate(admin, registered.client().id().value());
        String fresh = rotated.secret().orElseThrow();

        assertThat(fresh).hasSize(86).isNotEqualTo(old);
        assertThat(rotated.client().secretHash()).isEmpty();
        assertRejected(() -> app.clientAuthenticator.authenticate(hmacCredentials(registered, old, "a")), ErrorCode.INVALID_CLIENT);
        assertThat(app.clientAuthenticator.authenticate(hmacCredentials(registered, fresh, "b")).sealedSecret())
                .isEqualTo(rotated.client().sealedSecret());
    }

    @Test
    void registerWhenGeneratedSecretTooShortForTheHmacThenInvalidClientMetadata() {
        ClientAuthSettings hs512 = new ClientAuthSettings(ClientAuthMethod.CLIENT_SECRET_JWT, java.util.Set.of(GrantType.CLIENT_CREDENTIALS),
                java.util.Set.of(), Optional.empty(), Optional.empty(), Optional.of("HS512"), Optional.empty());
        ClientSecrets shortSecrets = new ClientSecrets(new dev.connect.oauth.application.port.out.SecretGenerator() {
            @Override
            public String secret() {
                return "s".repeat(16);
            }

            @Override
            public String identifier() {
                return "id";
            }
        }, app.secretHasher, app.sealer);

        assertRejected(() -> shortSecrets.issue(new dev.connect.oauth.domain.ClientId("c"), hs512), ErrorCode.INVALID_CLIENT_METADATA);
    }

    private ClientCredentials hmacCredentials(RegisteredClient registered, String secret, String jti) {
        String id = registered.client().id().value();
        java.time.Instant now = app.clock.instant();
        return ClientCredentials.assertion(id, app.assertions.signWithSecret(new ClientAssertion("",
                registered.client().auth().signingAlg().orElse("HS256"), Optional.empty(), Optional.of(id), Optional.of(id),
                List.of(TestApplication.ISSUER), Optional.of(now.plusSeconds(60)), Optional.of(now), Optional.empty(),
                Optional.of(jti)), secret));
    }

    @Test
    void registerWhenMetadataInvalidThenInvalidClientMetadataAndNothingStored() {
        List<ClientAuthMetadata> invalid = List.of(
                auth("client_secret_jwt", List.of("client_credentials"), Optional.empty(), Optional.empty(), Optional.of("RS256")),
                auth("tls_client_auth", List.of("client_credentials"), Optional.empty(), Optional.empty(), Optional.empty()),
                auth("none", List.of("client_credentials"), Optional.empty(), Optional.empty(), Optional.empty()),
                auth("private_key_jwt", List.of("client_credentials"), Optional.empty(), Optional.empty(), Optional.empty()),
                auth("private_key_jwt", List.of("client_credentials"), Optional.empty(), Optional.of("{\"keys\":[{\"kid\":\"k\",\"d\":\"x\"}]}"),
                        Optional.empty()),
                auth(null, List.of("password"), Optional.empty(), Optional.empty(), Optional.empty()),
                auth(null, List.of("authorization_code"), Optional.of(List.of()), Optional.empty(), Optional.empty()),
                auth(null, List.of("client_credentials"), Optional.of(List.of("code")), Optional.empty(), Optional.empty()),
                auth(null, List.of("client_credentials"), Optional.of(List.of("token")), Optional.empty(), Optional.empty()),
                auth(null, List.of("client_credentials"), Optional.empty(), Optional.empty(), Optional.of("ES256")));
        for (ClientAuthMetadata metadata : invalid) {
            assertRejected(() -> register("confidential", List.of(TestClients.REDIRECT_URI), metadata),
                    ErrorCode.INVALID_CLIENT_METADATA);
        }
        assertRejected(() -> register("public", List.of(TestClients.REDIRECT_URI), auth("client_secret_basic", List.of(
                "authorization_code"), Optional.empty(), Optional.empty(), Optional.empty())), ErrorCode.INVALID_CLIENT_METADATA);
        assertRejected(() -> register("confidential", List.of(), auth(null, List.of("authorization_code"), Optional.of(List.of("code")),
                Optional.empty(), Optional.empty())), ErrorCode.INVALID_CLIENT_METADATA);
        assertThat(app.listClients.list(admin)).isEmpty();
    }

    @Test
    void grantWhenNotRegisteredThenUnauthorizedClient() {
        RegisteredClient codeOnly = register("confidential", List.of(TestClients.REDIRECT_URI), auth(null,
                List.of("authorization_code"), Optional.empty(), Optional.empty(), Optional.empty()));
        ClientCredentials credentials = new ClientCredentials(codeOnly.client().id().value(), codeOnly.secret());

        assertRejected(() -> app.issueClientCredentialsToken.issue(new ClientCredentialsCommand(credentials, Optional.empty())),
                ErrorCode.UNAUTHORIZED_CLIENT);
        assertRejected(() -> app.refreshToken.refresh(new RefreshTokenCommand(credentials, Optional.of("x"), Optional.empty())),
                ErrorCode.UNAUTHORIZED_CLIENT);
    }

    @Test
    void authorizeWhenClientRegisteredNoCodeResponseTypeThenUnauthorizedClientRedirected() {
        RegisteredClient machine = register("confidential", List.of(TestClients.REDIRECT_URI), auth(null,
                List.of("client_credentials"), Optional.of(List.of()), Optional.empty(), Optional.empty()));

        Assertions.assertThatThrownBy(() -> app.checkAuthorizationRequest.check(Scenario.request(machine.client())))
                .isInstanceOfSatisfying(AuthorizationRedirectException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.UNAUTHORIZED_CLIENT));
    }

    private RegisteredClient register(String type, List<String> redirectUris, ClientAuthMetadata auth) {
        return app.registerClient.register(new RegisterClientCommand(admin, Optional.of("App"), Optional.of(redirectUris),
                Optional.of(List.of("connect")), Optional.of(type), Optional.empty(), Optional.empty(), Optional.empty(), auth));
    }

    private static ClientAuthMetadata auth(String method, List<String> grants, Optional<List<String>> responses,
                                           Optional<String> jwks, Optional<String> alg) {
        return new ClientAuthMetadata(Optional.ofNullable(method), Optional.of(grants), responses, jwks, Optional.empty(), alg);
    }
}
