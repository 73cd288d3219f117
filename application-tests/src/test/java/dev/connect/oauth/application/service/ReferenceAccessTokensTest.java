package dev.connect.oauth.application.service;

import static dev.connect.oauth.application.service.Scenario.credentials;
import static dev.connect.oauth.application.service.Scenario.principal;
import static dev.connect.oauth.testkit.testdata.OAuthAssertions.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import dev.connect.oauth.application.port.in.ClientAuthMetadata;
import dev.connect.oauth.application.port.in.ClientCredentialsCommand;
import dev.connect.oauth.application.port.in.ClientMetadata;
import dev.connect.oauth.application.port.in.DecideDeviceAuthorizationCommand;
import dev.connect.oauth.application.port.in.DeviceAuthorizationStarted;
import dev.connect.oauth.application.port.in.DpopRequest;
import dev.connect.oauth.application.port.in.ExchangeCodeCommand;
import dev.connect.oauth.application.port.in.ExchangeDeviceCodeCommand;
import dev.connect.oauth.application.port.in.IntrospectTokenCommand;
import dev.connect.oauth.application.port.in.Introspection;
import dev.connect.oauth.application.port.in.Principal;
import dev.connect.oauth.application.port.in.PresentedAccessToken;
import dev.connect.oauth.application.port.in.RegisterClientCommand;
import dev.connect.oauth.application.port.in.RequestSource;
import dev.connect.oauth.application.port.in.RevokeTokenCommand;
import dev.connect.oauth.application.port.in.StartDeviceAuthorizationCommand;
import dev.connect.oauth.application.port.in.TokenResponse;
import dev.connect.oauth.application.port.in.UserCodeAttempt;
import dev.connect.oauth.application.port.in.ConsentDecision;
import dev.connect.oauth.application.testdata.TestApplication;
import dev.connect.oauth.domain.AccessToken;
import dev.connect.oauth.domain.AccessTokenFormat;
import dev.connect.oauth.domain.Account;
import dev.connect.oauth.domain.Client;
import dev.connect.oauth.domain.ErrorCode;
import dev.connect.oauth.domain.JwkThumbprint;
import dev.connect.oauth.testkit.testdata.TestClients;
import dev.connect.oauth.testkit.testdata.TestCodes;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Reference access tokens: at every grant that issues access tokens, a client that chose them gets a
 * random string whose hash is stored with the details a JWT would carry, and nothing is signed;
 * every check of a presented token treats it as it treats a JWT.
 */
class ReferenceAccessTokensTest {
    private static final JwkThumbprint KEY = new JwkThumbprint("NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs");
    private static final String TOKEN_URI = TestApplication.ISSUER + "/oauth/token";
    private static final String INFO_URI = TestApplication.ISSUER + "/oauth/info";

    private final Scenario scenario = new Scenario();
    private final TestApplication app = scenario.app;
    private final Client reference = scenario.add(TestClients.confidential()
            .accessTokenFormat(AccessTokenFormat.REFERENCE).build());
    private final Account account = scenario.customer();

    @Test
    void exchangeCodeWhenReferenceClientThenReferenceAccessTokenAndTheUsualRefreshToken() {
        TokenResponse tokens = scenario.tokens(reference, account);

        AccessToken stored = assertReference(tokens.accessToken());
        assertThat(stored.accountId()).contains(account.id());
        assertThat(tokens.refreshToken()).isPresent();
        assertThat(tokens.expiresIn()).isEqualTo(app.policy.accessTokenTtl().toSeconds());
    }

    @Test
    void refreshWhenReferenceClientThenReferenceAccessToken() {
        TokenResponse first = scenario.tokens(reference, account);

        TokenResponse refreshed = scenario.refresh(reference, first.refreshToken().orElseThrow());

        assertReference(refreshed.accessToken());
        assertThat(refreshed.refreshToken()).isPresent().isNotEqualTo(first.refreshToken());
    }

    @Test
    void clientCredentialsWhenReferenceClientThenReferenceAccessTokenWithoutRefreshToken() {
        TokenResponse tokens = clientCredentials(reference);

        assertThat(assertReference(tokens.accessToken()).accountId()).isEmpty();
        assertThat(tokens.refreshToken()).isEmpty();
    }

    @Test
    void exchangeDeviceCodeWhenReferenceClientThenReferenceAccessToken() {
        DeviceAuthorizationStarted started = app.startDeviceAuthorization.start(new StartDeviceAuthorizationCommand(
                credentials(reference), Optional.of("connect")));
        app.decideDeviceAuthorization.decide(new DecideDeviceAuthorizationCommand(new UserCodeAttempt(
                started.userCode().display(), account.id(), new RequestSource("192.0.2.10")), ConsentDecision.APPROVE,
                Optional.empty()));

        TokenResponse tokens = app.exchangeDeviceCode.exchange(new ExchangeDeviceCodeCommand(credentials(reference),
                Optional.of(started.deviceCode())));

        assertReference(tokens.accessToken());
        assertThat(tokens.refreshToken()).isPresent();
    }

    @Test
    void issueWhenJwtClientThenSignedThroughTheCodec() {
        TokenResponse tokens = clientCredentials(scenario.confidentialClient());

        assertThat(tokens.accessToken()).contains(".");
        assertThat(app.codec.claimsOf(tokens.accessToken())).isPresent();
    }

    @Test
    void introspectWhenReferenceThenTheMembersOfAJwtOfTheSameGrant() {
        Client jwt = scenario.confidentialClient();
        Introspection.Details ofReference = introspect(reference, scenario.tokens(reference, account).accessToken())
                .details().orElseThrow();
        Introspection.Details ofJwt = introspect(jwt, scenario.tokens(jwt, account).accessToken()).details().orElseThrow();

        assertThat(ofReference.clientId()).isEqualTo(reference.id());
        assertThat(ofReference.subject()).contains(account.id().value());
        assertThat(ofReference.audience()).containsExactly(app.policy.audience());
        assertThat(ofReference).usingRecursiveComparison().ignoringFields("id", "clientId").isEqualTo(ofJwt);
    }

    @Test
    void infoUserInfoAndRevocationWhenReferenceThenAsForAJwt() {
        TokenResponse tokens = app.exchangeCode.exchange(Scenario.exchange(reference,
                scenario.approve(Scenario.request(reference, "openid connect"), account)));
        Optional<String> token = Optional.of(tokens.accessToken());

        assertThat(app.describeToken.describe(token).account().id()).isEqualTo(account.id());
        assertThat(app.getUserInfo.userInfo(token).subject()).isEqualTo(account.id().value());

        app.revokeToken.revoke(new RevokeTokenCommand(credentials(reference), token, Optional.empty()));

        assertThat(introspect(reference, tokens.accessToken()).active()).isFalse();
        assertRejected(() -> app.describeToken.describe(token), ErrorCode.INVALID_TOKEN);
    }

    @Test
    void invalidateWhenReferenceThenInvalid() {
        Optional<String> token = Optional.of(scenario.tokens(reference, account).accessToken());

        app.invalidateToken.invalidate(token);

        assertRejected(() -> app.describeToken.describe(token), ErrorCode.INVALID_TOKEN);
        assertThat(introspect(reference, token.orElseThrow()).active()).isFalse();
    }

    /** RFC 9449: the proof's {@code ath} is the hash of the string, whatever its format. */
    @Test
    void dpopWhenReferenceThenBoundToTheKeyAndAthChecked() {
        String code = scenario.code(reference, account);
        TokenResponse tokens = app.exchangeCode.exchange(new ExchangeCodeCommand(credentials(reference), Optional.of(code),
                Optional.of(TestClients.REDIRECT_URI), Optional.of(TestCodes.VERIFIER), Optional.of(new DpopRequest(
                        List.of(DpopServicesTest.proof(app, KEY, "POST", TOKEN_URI, Optional.empty(), Optional.empty())),
                        "POST", TOKEN_URI)), List.of()));

        assertThat(assertReference(tokens.accessToken()).boundKey()).contains(KEY);
        assertRejected(() -> app.describeToken.describe(Optional.of(tokens.accessToken())), ErrorCode.INVALID_TOKEN);
        assertThat(app.describeToken.describe(new PresentedAccessToken(Optional.of(tokens.accessToken()),
                PresentedAccessToken.Scheme.DPOP, Optional.of(new DpopRequest(List.of(DpopServicesTest.proof(app, KEY,
                "GET", INFO_URI, Optional.of(tokens.accessToken()), Optional.empty())), "GET", INFO_URI))))
                .account().id()).isEqualTo(account.id());
    }

    @Test
    void registerWhenAccessTokenFormatGivenThenTheClientHasIt() {
        Principal admin = principal(scenario.admin());

        assertThat(register(admin, Optional.of("reference")).accessTokenFormat()).isEqualTo(AccessTokenFormat.REFERENCE);
        assertThat(register(admin, Optional.of("jwt")).accessTokenFormat()).isEqualTo(AccessTokenFormat.JWT);
        assertThat(register(admin, Optional.empty()).accessTokenFormat()).isEqualTo(AccessTokenFormat.JWT);
        assertThat(app.registerClientDynamically.register(admin, dynamic(Optional.of("reference"))).client()
                .accessTokenFormat()).isEqualTo(AccessTokenFormat.REFERENCE);
    }

    @Test
    void registerWhenAccessTokenFormatUnknownThenInvalidClientMetadataInBothApis() {
        Principal admin = principal(scenario.admin());

        assertRejected(() -> register(admin, Optional.of("opaque")), ErrorCode.INVALID_CLIENT_METADATA);
        assertRejected(() -> app.registerClientDynamically.register(admin, dynamic(Optional.of("JWT"))),
                ErrorCode.INVALID_CLIENT_METADATA);
    }

    /** The stored access token of {@code value}, asserting that it is a reference token and nothing was signed. */
    private AccessToken assertReference(String value) {
        assertThat(value).doesNotContain(".").matches("[A-Za-z0-9_-]{51}");
        assertThat(app.codec.encoded()).isEmpty();
        return app.ports.tokens().findAccessToken(TokenKeys.of(value, app.secretHasher)).orElseThrow();
    }

    private TokenResponse clientCredentials(Client client) {
        return app.issueClientCredentialsToken.issue(new ClientCredentialsCommand(credentials(client), Optional.empty()));
    }

    private Introspection introspect(Client client, String token) {
        return app.introspectToken.introspect(new IntrospectTokenCommand(credentials(client), Optional.of(token),
                Optional.empty()));
    }

    private Client register(Principal admin, Optional<String> format) {
        return app.registerClient.register(new RegisterClientCommand(admin, Optional.of("App"),
                Optional.of(List.of(TestClients.REDIRECT_URI)), Optional.of(List.of("connect")), Optional.of("confidential"),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), ClientAuthMetadata.DEFAULTS,
                Optional.empty(), format)).client();
    }

    private static ClientMetadata dynamic(Optional<String> format) {
        return new ClientMetadata(Optional.empty(), Optional.of(List.of(TestClients.REDIRECT_URI)), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                ClientAuthMetadata.DEFAULTS, Optional.empty(), format);
    }
}
