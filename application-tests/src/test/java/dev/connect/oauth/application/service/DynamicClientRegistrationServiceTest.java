package dev.connect.oauth.application.service;

import static dev.connect.oauth.application.service.Scenario.principal;
import static dev.connect.oauth.testkit.testdata.OAuthAssertions.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import dev.connect.oauth.application.port.in.ClientAuthMetadata;
import dev.connect.oauth.application.port.in.ClientCredentials;
import dev.connect.oauth.application.port.in.ClientCredentialsCommand;
import dev.connect.oauth.application.port.in.ClientMetadata;
import dev.connect.oauth.application.port.in.Principal;
import dev.connect.oauth.application.port.in.RegisteredClient;
import dev.connect.oauth.application.testdata.TestApplication;
import dev.connect.oauth.domain.ClientAuthMethod;
import dev.connect.oauth.domain.ClientType;
import dev.connect.oauth.domain.ErrorCode;
import dev.connect.oauth.domain.GrantType;
import dev.connect.oauth.domain.SubjectType;
import dev.connect.oauth.testkit.fake.FakeClientAssertionCodec;
import dev.connect.oauth.testkit.testdata.TestClients;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link DynamicClientRegistrationService}: RFC 7591 registration and RFC 7592 management. */
class DynamicClientRegistrationServiceTest {
    private final Scenario scenario = new Scenario();
    private final TestApplication app = scenario.app;
    private final Principal admin = principal(scenario.admin());

    @Test
    void registerWhenAdminThenClientWithSecretAndRegistrationToken() {
        RegisteredClient registered = app.registerClientDynamically.register(admin, metadata(ClientAuthMetadata.DEFAULTS));

        assertThat(registered.client().type()).isEqualTo(ClientType.CONFIDENTIAL);
        assertThat(registered.client().auth().method()).isEqualTo(ClientAuthMethod.CLIENT_SECRET_BASIC);
        assertThat(registered.client().name()).isEqualTo(DynamicClientRegistrationService.DEFAULT_NAME);
        assertThat(registered.client().allowedScopes()).isEqualTo(app.policy.scopeCatalogue());
        assertThat(registered.secret()).isPresent();
        assertThat(registered.registrationAccessToken()).isPresent();
        assertThat(registered.client().auth().registrationTokenHash())
                .contains(app.secretHasher.hash(registered.registrationAccessToken().orElseThrow()));
        assertThat(app.manageClientRegistration.read(registered.client().id().value(),
                registered.registrationAccessToken().orElseThrow())).isEqualTo(registered.client());
    }

    @Test
    void registerWhenCustomerThenForbidden() {
        assertRejected(() -> app.registerClientDynamically.register(principal(scenario.customer()),
                metadata(ClientAuthMetadata.DEFAULTS)), ErrorCode.FORBIDDEN);
    }

    @Test
    void registerWhenRedirectUriInvalidThenInvalidRedirectUri() {
        ClientMetadata metadata = new ClientMetadata(Optional.empty(), Optional.of(List.of("http://app.example.com/cb")),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), ClientAuthMetadata.DEFAULTS);

        assertRejected(() -> app.registerClientDynamically.register(admin, metadata), ErrorCode.INVALID_REDIRECT_URI);
    }

    @Test
    void registerWhenScopeOrOpenIdSettingInvalidThenInvalidClientMetadata() {
        ClientMetadata unknownScope = new ClientMetadata(Optional.empty(), Optional.of(List.of(TestClients.REDIRECT_URI)),
                Optional.of(List.of("nope")), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                ClientAuthMetadata.DEFAULTS);
        ClientMetadata unknownSubjectType = new ClientMetadata(Optional.empty(),
                Optional.of(List.of(TestClients.REDIRECT_URI)), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of("secret"), Optional.empty(), ClientAuthMetadata.DEFAULTS);

        assertRejected(() -> app.registerClientDynamically.register(admin, unknownScope), ErrorCode.INVALID_CLIENT_METADATA);
        assertRejected(() -> app.registerClientDynamically.register(admin, unknownSubjectType),
                ErrorCode.INVALID_CLIENT_METADATA);
    }

    /** OpenID Connect Dynamic Registration §2: {@code subject_type} pairwise, as with the v1 client API. */
    @Test
    void registerWhenPairwiseThenThePairwiseSubjectType() {
        ClientMetadata pairwise = new ClientMetadata(Optional.empty(), Optional.of(List.of(TestClients.REDIRECT_URI)),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.of("pairwise"), Optional.empty(),
                ClientAuthMetadata.DEFAULTS);

        RegisteredClient registered = app.registerClientDynamically.register(admin, pairwise);

        assertThat(app.ports.clients().findById(registered.client().id()).orElseThrow().openId().subjectType())
                .isEqualTo(SubjectType.PAIRWISE);
    }

    @Test
    void manageWhenTokenWrongOrClientUnknownThenInvalidToken() {
        RegisteredClient registered = app.registerClientDynamically.register(admin, metadata(ClientAuthMetadata.DEFAULTS));
        String id = registered.client().id().value();
        RegisteredClient viaAdminApi = scenarioClient();

        assertRejected(() -> app.manageClientRegistration.read(id, "wrong"), ErrorCode.INVALID_TOKEN);
        assertRejected(() -> app.manageClientRegistration.read("unknown", registered.registrationAccessToken().orElseThrow()),
                ErrorCode.INVALID_TOKEN);
        assertRejected(() -> app.manageClientRegistration.read(viaAdminApi.client().id().value(), ""), ErrorCode.INVALID_TOKEN);
        assertRejected(() -> app.manageClientRegistration.delete(id, "wrong"), ErrorCode.INVALID_TOKEN);
    }

    @Test
    void updateWhenMovedToPrivateKeyJwtThenSecretDroppedAndTokenKept() {
        RegisteredClient registered = app.registerClientDynamically.register(admin, metadata(ClientAuthMetadata.DEFAULTS));
        String id = registered.client().id().value();
        String token = registered.registrationAccessToken().orElseThrow();
        ClientAuthMetadata keys = new ClientAuthMetadata(Optional.of("private_key_jwt"), Optional.of(List.of("client_credentials")),
                Optional.of(List.of()), Optional.of(FakeClientAssertionCodec.jwkSet("k1")), Optional.empty(), Optional.of("ES256"));

        RegisteredClient updated = app.manageClientRegistration.update(id, token, metadata(keys), registered.secret());

        assertThat(updated.secret()).isEmpty();
        assertThat(updated.client().secretHash()).isEmpty();
        assertThat(updated.client().auth().method()).isEqualTo(ClientAuthMethod.PRIVATE_KEY_JWT);
        assertThat(updated.client().permits(GrantType.AUTHORIZATION_CODE)).isFalse();
        assertThat(updated.client().createdAt()).isEqualTo(registered.client().createdAt());
        assertThat(app.manageClientRegistration.read(id, token)).isEqualTo(updated.client());
        assertRejected(() -> app.issueClientCredentialsToken.issue(new ClientCredentialsCommand(
                new ClientCredentials(id, registered.secret()), Optional.empty())), ErrorCode.INVALID_CLIENT);
    }

    @Test
    void updateWhenSecretKeptThenNoNewSecretAndOldOneWorks() {
        RegisteredClient registered = app.registerClientDynamically.register(admin, metadata(ClientAuthMetadata.DEFAULTS));
        String id = registered.client().id().value();

        RegisteredClient updated = app.manageClientRegistration.update(id, registered.registrationAccessToken().orElseThrow(),
                metadata(ClientAuthMetadata.DEFAULTS), Optional.empty());

        assertThat(updated.secret()).isEmpty();
        assertThat(app.issueClientCredentialsToken.issue(new ClientCredentialsCommand(
                new ClientCredentials(id, registered.secret()), Optional.empty())).accessToken()).isNotBlank();
    }

    @Test
    void updateWhenPresentedSecretWrongThenInvalidClientMetadata() {
        RegisteredClient registered = app.registerClientDynamically.register(admin, metadata(ClientAuthMetadata.DEFAULTS));

        assertRejected(() -> app.manageClientRegistration.update(registered.client().id().value(),
                registered.registrationAccessToken().orElseThrow(), metadata(ClientAuthMetadata.DEFAULTS),
                Optional.of("not the secret")), ErrorCode.INVALID_CLIENT_METADATA);
    }

    @Test
    void deleteWhenTokenRightThenClientGone() {
        RegisteredClient registered = app.registerClientDynamically.register(admin, metadata(ClientAuthMetadata.DEFAULTS));
        String id = registered.client().id().value();
        String token = registered.registrationAccessToken().orElseThrow();

        app.manageClientRegistration.delete(id, token);

        assertThat(app.ports.clients().findById(registered.client().id())).isEmpty();
        assertRejected(() -> app.manageClientRegistration.read(id, token), ErrorCode.INVALID_TOKEN);
    }

    private RegisteredClient scenarioClient() {
        return app.registerClient.register(new dev.connect.oauth.application.port.in.RegisterClientCommand(admin,
                Optional.of("App"), Optional.of(List.of(TestClients.REDIRECT_URI)), Optional.of(List.of("connect")),
                Optional.of("confidential")));
    }

    private static ClientMetadata metadata(ClientAuthMetadata auth) {
        return new ClientMetadata(Optional.empty(), Optional.of(List.of(TestClients.REDIRECT_URI)), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), auth);
    }
}
