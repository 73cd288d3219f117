package dev.connect.oauth.application.service;

import static dev.connect.oauth.application.service.Scenario.credentials;
import static dev.connect.oauth.testkit.testdata.OAuthAssertions.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import dev.connect.oauth.application.port.in.AuthorizationRequest;
import dev.connect.oauth.application.port.in.ClientCredentialsCommand;
import dev.connect.oauth.application.port.in.DpopRequest;
import dev.connect.oauth.application.port.in.ExchangeCodeCommand;
import dev.connect.oauth.application.port.in.IntrospectTokenCommand;
import dev.connect.oauth.application.port.in.Introspection;
import dev.connect.oauth.application.port.in.RefreshTokenCommand;
import dev.connect.oauth.application.port.in.TokenResponse;
import dev.connect.oauth.application.port.out.AccessTokenClaims;
import dev.connect.oauth.application.testdata.TestApplication;
import dev.connect.oauth.domain.Account;
import dev.connect.oauth.domain.Client;
import dev.connect.oauth.domain.ClientOpenIdSettings;
import dev.connect.oauth.domain.ErrorCode;
import dev.connect.oauth.domain.JwkThumbprint;
import dev.connect.oauth.domain.RefreshToken;
import dev.connect.oauth.domain.ResourceSet;
import dev.connect.oauth.domain.SubjectType;
import dev.connect.oauth.testkit.testdata.TestClients;
import dev.connect.oauth.testkit.testdata.TestCodes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * DPoP (RFC 9449) and resource indicators (RFC 8707) together: a token asked for with both is bound
 * to the proof's key ({@code cnf.jkt}) and for the narrowed resources ({@code aud}), and every
 * token rebuilt from it (the stored code, the refresh family, rotation) keeps both.
 */
class DpopResourceIndicatorsTest {
    private static final JwkThumbprint KEY = new JwkThumbprint("NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs");
    private static final String TOKEN_URI = TestApplication.ISSUER + "/oauth/token";
    private static final String API = "https://api.example.com/";
    private static final String FILES = "https://files.example.com/v1";
    private static final ClientOpenIdSettings WITH_RESOURCES = new ClientOpenIdSettings(List.of(), SubjectType.PUBLIC,
            Optional.empty(), ResourceSet.parse(List.of(API, FILES)));

    private final Scenario scenario = new Scenario();
    private final TestApplication app = scenario.app;
    private final Client publicClient = scenario.add(TestClients.publicClient().openId(WITH_RESOURCES).build());
    private final Client confidential = scenario.add(TestClients.confidential().openId(WITH_RESOURCES).build());
    private final Account account = scenario.customer();

    private Optional<DpopRequest> tokenProof() {
        return Optional.of(new DpopRequest(List.of(DpopServicesTest.proof(app, KEY, "POST", TOKEN_URI,
                Optional.empty(), Optional.empty())), "POST", TOKEN_URI));
    }

    /** The code of a request of the public client for both resources, bound to {@link #KEY} with {@code dpop_jkt}. */
    private String boundCodeForBothResources() {
        Map<String, String> parameters = new HashMap<>(Scenario.request(publicClient).parameters());
        parameters.put("dpop_jkt", KEY.value());
        return scenario.approve(AuthorizationRequest.of(name -> Optional.ofNullable(parameters.get(name)),
                List.of(API, FILES), List.of()), account);
    }

    private AccessTokenClaims claimsOf(TokenResponse tokens) {
        return app.codec.claimsOf(tokens.accessToken()).orElseThrow();
    }

    @Test
    void exchangeWhenProofAndResourceThenBoundToTheKeyAndForTheResource() {
        TokenResponse tokens = app.exchangeCode.exchange(new ExchangeCodeCommand(credentials(publicClient),
                Optional.of(boundCodeForBothResources()), Optional.of(TestClients.REDIRECT_URI),
                Optional.of(TestCodes.VERIFIER), tokenProof(), List.of(FILES)));

        assertThat(tokens.boundKey()).contains(KEY);
        assertThat(claimsOf(tokens).confirmationKey()).contains(KEY);
        assertThat(claimsOf(tokens).audience()).containsExactly(FILES);
        RefreshToken stored = app.ports.tokens()
                .findRefreshToken(TokenKeys.of(tokens.refreshToken().orElseThrow(), app.secretHasher)).orElseThrow();
        assertThat(stored.boundKey()).contains(KEY);
        assertThat(stored.resources().values()).containsExactly(API, FILES);
        Introspection.Details details = app.introspectToken.introspect(new IntrospectTokenCommand(
                credentials(publicClient), Optional.of(tokens.accessToken()), Optional.empty())).details().orElseThrow();
        assertThat(details.boundKey()).contains(KEY);
        assertThat(details.audience()).containsExactly(FILES);
    }

    @Test
    void refreshWhenBoundFamilyThenTheSuccessorKeepsKeyAndResources() {
        TokenResponse first = app.exchangeCode.exchange(new ExchangeCodeCommand(credentials(publicClient),
                Optional.of(boundCodeForBothResources()), Optional.of(TestClients.REDIRECT_URI),
                Optional.of(TestCodes.VERIFIER), tokenProof(), List.of(API)));
        String refreshToken = first.refreshToken().orElseThrow();

        assertRejected(() -> refresh(refreshToken, Optional.empty(), List.of(FILES)), ErrorCode.INVALID_GRANT);
        TokenResponse narrowed = refresh(refreshToken, tokenProof(), List.of(FILES));
        TokenResponse all = refresh(narrowed.refreshToken().orElseThrow(), tokenProof(), List.of());

        assertThat(claimsOf(narrowed).audience()).containsExactly(FILES);
        assertThat(claimsOf(narrowed).confirmationKey()).contains(KEY);
        assertThat(claimsOf(all).audience()).containsExactly(API, FILES);
        assertThat(claimsOf(all).confirmationKey()).contains(KEY);
        RefreshToken latest = app.ports.tokens()
                .findRefreshToken(TokenKeys.of(all.refreshToken().orElseThrow(), app.secretHasher)).orElseThrow();
        assertThat(latest.boundKey()).contains(KEY);
        assertThat(latest.resources().values()).containsExactly(API, FILES);
    }

    @Test
    void clientCredentialsWhenProofAndResourceThenBothInTheToken() {
        TokenResponse tokens = app.issueClientCredentialsToken.issue(new ClientCredentialsCommand(
                credentials(confidential), Optional.empty(), tokenProof(), List.of(API)));

        assertThat(tokens.tokenType()).isEqualTo(TokenResponse.DPOP_TOKEN_TYPE);
        assertThat(claimsOf(tokens).confirmationKey()).contains(KEY);
        assertThat(claimsOf(tokens).audience()).containsExactly(API);
    }

    private TokenResponse refresh(String refreshToken, Optional<DpopRequest> proof, List<String> resources) {
        return app.refreshToken.refresh(new RefreshTokenCommand(credentials(publicClient), Optional.of(refreshToken),
                Optional.empty(), proof, resources));
    }
}
