package dev.connect.oauth.application.service;

import static dev.connect.oauth.application.service.Scenario.credentials;
import static dev.connect.oauth.testkit.testdata.OAuthAssertions.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import dev.connect.oauth.application.DpopPolicy;
import dev.connect.oauth.application.OAuthPolicy;
import dev.connect.oauth.application.port.in.AuthorizationRedirectException;
import dev.connect.oauth.application.port.in.AuthorizationRequest;
import dev.connect.oauth.application.port.in.ClientCredentialsCommand;
import dev.connect.oauth.application.port.in.DpopRequest;
import dev.connect.oauth.application.port.in.ConsentDecision;
import dev.connect.oauth.application.port.in.DecideDeviceAuthorizationCommand;
import dev.connect.oauth.application.port.in.DeviceAuthorizationStarted;
import dev.connect.oauth.application.port.in.ExchangeDeviceCodeCommand;
import dev.connect.oauth.application.port.in.RequestSource;
import dev.connect.oauth.application.port.in.StartDeviceAuthorizationCommand;
import dev.connect.oauth.application.port.in.UserCodeAttempt;
import dev.connect.oauth.application.port.in.ExchangeCodeCommand;
import dev.connect.oauth.application.port.in.IntrospectTokenCommand;
import dev.connect.oauth.application.port.in.Introspection;
import dev.connect.oauth.application.port.in.PresentedAccessToken;
import dev.connect.oauth.application.port.in.PushAuthorizationRequestCommand;
import dev.connect.oauth.application.port.in.ResolvePushedRequestCommand;
import dev.connect.oauth.application.port.in.RefreshTokenCommand;
import dev.connect.oauth.application.port.in.TokenResponse;
import dev.connect.oauth.application.testdata.TestApplication;
import dev.connect.oauth.domain.Account;
import dev.connect.oauth.domain.Client;
import dev.connect.oauth.domain.DpopProof;
import dev.connect.oauth.domain.ErrorCode;
import dev.connect.oauth.domain.JwkThumbprint;
import dev.connect.oauth.testkit.testdata.TestClients;
import dev.connect.oauth.testkit.testdata.TestCodes;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/** DPoP (RFC 9449) across the use cases: the proof checks, the nonces, and the binding of codes and tokens. */
class DpopServicesTest {
    private static final JwkThumbprint KEY = new JwkThumbprint("NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs");
    private static final JwkThumbprint OTHER_KEY = new JwkThumbprint("0ZcOCORZNYy-DWpqq30jZyJGHTN0d2HglBV3uiguA4I");
    private static final String TOKEN_URI = TestApplication.ISSUER + "/oauth/token";
    private static final String INFO_URI = TestApplication.ISSUER + "/oauth/info";

    private final Scenario scenario = new Scenario();
    private final TestApplication app = scenario.app;
    private final Client publicClient = scenario.publicClient();
    private final Client confidential = scenario.confidentialClient();
    private final Account account = scenario.customer();

    /** A valid proof of {@code key} for {@code method} and {@code uri}, now, registered with the fake reader. */
    static String proof(TestApplication app, JwkThumbprint key, String method, String uri,
                                Optional<String> accessToken, Optional<String> nonce) {
        return app.dpopProofReader.register(new DpopProof(Optional.of(DpopProof.TYPE), "ES256", key, false, true,
                Optional.of(method), Optional.of(uri), Optional.of(app.clock.instant()),
                Optional.of(UUID.randomUUID().toString()), accessToken.map(DpopProof::accessTokenHash), nonce));
    }

    private Optional<DpopRequest> tokenProof(JwkThumbprint key) {
        return Optional.of(new DpopRequest(List.of(proof(app, key, "POST", TOKEN_URI, Optional.empty(),
                Optional.empty())), "POST", TOKEN_URI));
    }

    private PresentedAccessToken dpop(String accessToken, JwkThumbprint key) {
        return new PresentedAccessToken(Optional.of(accessToken), PresentedAccessToken.Scheme.DPOP,
                Optional.of(new DpopRequest(List.of(proof(app, key, "GET", INFO_URI, Optional.of(accessToken),
                        Optional.empty())), "GET", INFO_URI)));
    }

    private ExchangeCodeCommand exchange(Client client, String code, Optional<DpopRequest> proof) {
        return new ExchangeCodeCommand(credentials(client), Optional.of(code), Optional.of(TestClients.REDIRECT_URI),
                Optional.of(TestCodes.VERIFIER), proof, List.of());
    }

    private TokenResponse boundTokens(Client client, JwkThumbprint key) {
        return app.exchangeCode.exchange(exchange(client, scenario.code(client, account), tokenProof(key)));
    }

    private TokenResponse refresh(Client client, String refreshToken, Optional<DpopRequest> proof) {
        return app.refreshToken.refresh(new RefreshTokenCommand(credentials(client), Optional.of(refreshToken),
                Optional.empty(), proof, List.of()));
    }

    // --- the proof checks of the application ----------------------------------------------------

    @Test
    void verifyWhenNoProofThenNoKey() {
        assertThat(app.dpopProofs.verify(Optional.empty(), Optional.empty())).isEmpty();
    }

    @Test
    void verifyWhenValidThenTheKeysThumbprint() {
        assertThat(app.dpopProofs.verify(tokenProof(KEY), Optional.empty())).contains(KEY);
    }

    @Test
    void verifyWhenTwoDpopHeadersThenInvalidDpopProof() {
        String one = proof(app, KEY, "POST", TOKEN_URI, Optional.empty(), Optional.empty());
        String two = proof(app, KEY, "POST", TOKEN_URI, Optional.empty(), Optional.empty());

        assertRejected(() -> app.dpopProofs.verify(Optional.of(new DpopRequest(List.of(one, two), "POST", TOKEN_URI)),
                Optional.empty()), ErrorCode.INVALID_DPOP_PROOF);
    }

    @Test
    void verifyWhenNotAProofThenInvalidDpopProof() {
        assertRejected(() -> app.dpopProofs.verify(Optional.of(new DpopRequest(List.of("not.a.jwt"), "POST", TOKEN_URI)),
                Optional.empty()), ErrorCode.INVALID_DPOP_PROOF);
    }

    @Test
    void verifyWhenDomainRuleFailsThenInvalidDpopProof() {
        String wrongMethod = proof(app, KEY, "GET", TOKEN_URI, Optional.empty(), Optional.empty());

        assertRejected(() -> app.dpopProofs.verify(Optional.of(new DpopRequest(List.of(wrongMethod), "POST", TOKEN_URI)),
                Optional.empty()), ErrorCode.INVALID_DPOP_PROOF);
    }

    @Test
    void verifyWhenAlgorithmNotInThePolicyThenInvalidDpopProof() {
        TestApplication es256Only = new TestApplication(OAuthPolicy.defaults(TestApplication.ISSUER),
                dev.connect.oauth.application.AbuseLimits.defaults(),
                new DpopPolicy(List.of("ES256"), DpopPolicy.DEFAULT_PROOF_WINDOW, false, DpopPolicy.DEFAULT_NONCE_LIFETIME));
        String rsa = es256Only.dpopProofReader.register(new DpopProof(Optional.of(DpopProof.TYPE), "RS256", KEY, false,
                true, Optional.of("POST"), Optional.of(TOKEN_URI), Optional.of(es256Only.clock.instant()),
                Optional.of("j"), Optional.empty(), Optional.empty()));

        assertRejected(() -> es256Only.dpopProofs.verify(Optional.of(new DpopRequest(List.of(rsa), "POST", TOKEN_URI)),
                Optional.empty()), ErrorCode.INVALID_DPOP_PROOF);
        assertThat(es256Only.dpopProofs.algorithms()).containsExactly("ES256");
    }

    /** RFC 9449 §11.1: a proof is accepted once, by the fleet (the JtiStore is shared). */
    @Test
    void verifyWhenTheSameProofComesAgainThenInvalidDpopProof() {
        Optional<DpopRequest> once = tokenProof(KEY);
        app.dpopProofs.verify(once, Optional.empty());

        assertRejected(() -> app.dpopProofs.verify(once, Optional.empty()), ErrorCode.INVALID_DPOP_PROOF);
    }

    @Test
    void verifyWhenTheSameJtiComesWithAnotherKeyThenAccepted() {
        DpopProof first = new DpopProof(Optional.of(DpopProof.TYPE), "ES256", KEY, false, true, Optional.of("POST"),
                Optional.of(TOKEN_URI), Optional.of(app.clock.instant()), Optional.of("same"), Optional.empty(),
                Optional.empty());
        DpopProof second = new DpopProof(Optional.of(DpopProof.TYPE), "ES256", OTHER_KEY, false, true,
                Optional.of("POST"), Optional.of(TOKEN_URI), Optional.of(app.clock.instant()), Optional.of("same"),
                Optional.empty(), Optional.empty());

        app.dpopProofs.verify(Optional.of(new DpopRequest(List.of(app.dpopProofReader.register(first)), "POST",
                TOKEN_URI)), Optional.empty());
        assertThat(app.dpopProofs.verify(Optional.of(new DpopRequest(List.of(app.dpopProofReader.register(second)),
                "POST", TOKEN_URI)), Optional.empty())).contains(OTHER_KEY);
    }

    @Test
    void verifyWhenNoncesNotRequiredThenANonceIsIgnored() {
        String stale = proof(app, KEY, "POST", TOKEN_URI, Optional.empty(), Optional.of("whatever"));

        assertThat(app.dpopProofs.verify(Optional.of(new DpopRequest(List.of(stale), "POST", TOKEN_URI)),
                Optional.empty())).contains(KEY);
    }

    /** RFC 9449 §8: with nonces required, only this slot's nonce or the previous slot's will do. */
    @Test
    void verifyWhenNoncesRequiredThenOnlyACurrentNonce() {
        TestApplication strict = new TestApplication(OAuthPolicy.defaults(TestApplication.ISSUER),
                dev.connect.oauth.application.AbuseLimits.defaults(), DpopPolicy.defaults().withNonceRequired(true));
        String issued = strict.dpopProofs.currentNonce();
        DpopProofs proofs = strict.dpopProofs;

        assertRejected(() -> proofs.verify(request(strict, Optional.empty()), Optional.empty()), ErrorCode.USE_DPOP_NONCE);
        assertRejected(() -> proofs.verify(request(strict, Optional.of("forged")), Optional.empty()),
                ErrorCode.USE_DPOP_NONCE);
        assertThat(proofs.verify(request(strict, Optional.of(issued)), Optional.empty())).contains(KEY);
        strict.clock.advance(DpopPolicy.DEFAULT_NONCE_LIFETIME);
        assertThat(proofs.verify(request(strict, Optional.of(issued)), Optional.empty())).contains(KEY);
        assertThat(strict.dpopProofs.currentNonce()).isNotEqualTo(issued);
        strict.clock.advance(DpopPolicy.DEFAULT_NONCE_LIFETIME);
        assertRejected(() -> proofs.verify(request(strict, Optional.of(issued)), Optional.empty()),
                ErrorCode.USE_DPOP_NONCE);
    }

    private static Optional<DpopRequest> request(TestApplication app, Optional<String> nonce) {
        return Optional.of(new DpopRequest(List.of(proof(app, KEY, "POST", TOKEN_URI, Optional.empty(), nonce)), "POST",
                TOKEN_URI));
    }

    // --- the token endpoint ------------------------------------------------------------------------

    @Test
    void exchangeWithProofWhenPublicClientThenDpopTokensBoundToTheKeyRefreshTokenToo() {
        TokenResponse tokens = boundTokens(publicClient, KEY);

        assertThat(tokens.tokenType()).isEqualTo("DPoP");
        assertThat(tokens.boundKey()).contains(KEY);
        assertThat(app.codec.claimsOf(tokens.accessToken()).orElseThrow().confirmationKey()).contains(KEY);
        assertThat(app.ports.tokens().findRefreshToken(TokenKeys.of(tokens.refreshToken().orElseThrow(), app.secretHasher))
                .orElseThrow().boundKey()).contains(KEY);
    }

    @Test
    void exchangeWithProofWhenConfidentialClientThenAccessTokenBoundRefreshTokenNot() {
        TokenResponse tokens = boundTokens(confidential, KEY);

        assertThat(tokens.tokenType()).isEqualTo("DPoP");
        assertThat(app.ports.tokens().findRefreshToken(TokenKeys.of(tokens.refreshToken().orElseThrow(), app.secretHasher))
                .orElseThrow().boundKey()).isEmpty();
    }

    @Test
    void exchangeWithoutProofThenBearerTokens() {
        TokenResponse tokens = scenario.tokens(publicClient, account);

        assertThat(tokens.tokenType()).isEqualTo("Bearer");
        assertThat(app.codec.claimsOf(tokens.accessToken()).orElseThrow().confirmationKey()).isEmpty();
    }

    /** RFC 9449 §10: a code asked for with {@code dpop_jkt} is redeemed only with a proof of that key. */
    @Test
    void exchangeWhenCodeBoundWithDpopJktThenOnlyAProofOfThatKeyRedeemsIt() {
        String withoutProof = scenario.approve(withDpopJkt(KEY.value()), account);
        String otherKey = scenario.approve(withDpopJkt(KEY.value()), account);
        String rightKey = scenario.approve(withDpopJkt(KEY.value()), account);

        assertRejected(() -> app.exchangeCode.exchange(exchange(publicClient, withoutProof, Optional.empty())),
                ErrorCode.INVALID_GRANT);
        assertRejected(() -> app.exchangeCode.exchange(exchange(publicClient, otherKey, tokenProof(OTHER_KEY))),
                ErrorCode.INVALID_GRANT);
        assertThat(app.exchangeCode.exchange(exchange(publicClient, rightKey, tokenProof(KEY))).boundKey()).contains(KEY);
    }

    @Test
    void authorizeWhenDpopJktMalformedThenInvalidRequestRedirected() {
        Assertions.assertThatThrownBy(() -> scenario.approve(withDpopJkt("not-a-thumbprint"), account))
                .isInstanceOfSatisfying(AuthorizationRedirectException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_REQUEST));
    }

    private AuthorizationRequest withDpopJkt(String jkt) {
        Map<String, String> parameters = new HashMap<>(Scenario.request(publicClient).parameters());
        parameters.put("dpop_jkt", jkt);
        return AuthorizationRequest.of(parameters);
    }

    /** RFC 9449 §5: a public client's bound refresh token refreshes only with a proof of its key. */
    @Test
    void refreshWhenPublicClientsTokenIsBoundThenOnlyWithAProofOfItsKey() {
        TokenResponse tokens = boundTokens(publicClient, KEY);
        String refreshToken = tokens.refreshToken().orElseThrow();

        assertRejected(() -> refresh(publicClient, refreshToken, Optional.empty()), ErrorCode.INVALID_GRANT);
        assertRejected(() -> refresh(publicClient, refreshToken, tokenProof(OTHER_KEY)), ErrorCode.INVALID_GRANT);
        // Refused without revoking: whoever lacks the key cannot end the holder's grant.
        assertThat(app.describeToken.describe(dpop(tokens.accessToken(), KEY)).account()).isEqualTo(account);

        TokenResponse refreshed = refresh(publicClient, refreshToken, tokenProof(KEY));
        assertThat(refreshed.boundKey()).contains(KEY);
        assertThat(app.ports.tokens().findRefreshToken(TokenKeys.of(refreshed.refreshToken().orElseThrow(), app.secretHasher))
                .orElseThrow().boundKey()).contains(KEY);
    }

    @Test
    void refreshWhenConfidentialClientThenTheNewAccessTokenIsBoundToTheProofPresented() {
        TokenResponse tokens = boundTokens(confidential, KEY);

        TokenResponse rebound = refresh(confidential, tokens.refreshToken().orElseThrow(), tokenProof(OTHER_KEY));
        TokenResponse bearer = refresh(confidential, rebound.refreshToken().orElseThrow(), Optional.empty());

        assertThat(rebound.boundKey()).contains(OTHER_KEY);
        assertThat(bearer.tokenType()).isEqualTo("Bearer");
    }

    @Test
    void clientCredentialsWithProofThenBoundToTheKey() {
        TokenResponse tokens = app.issueClientCredentialsToken.issue(new ClientCredentialsCommand(
                credentials(confidential), Optional.empty(), tokenProof(KEY), List.of()));

        assertThat(tokens.tokenType()).isEqualTo("DPoP");
        assertThat(app.codec.claimsOf(tokens.accessToken()).orElseThrow().confirmationKey()).contains(KEY);
    }

    // --- the protected resources -------------------------------------------------------------------

    @Test
    void describeWhenBoundTokenWithAProofOfItsKeyThenTheAccount() {
        TokenResponse tokens = boundTokens(publicClient, KEY);

        assertThat(app.describeToken.describe(dpop(tokens.accessToken(), KEY)).account()).isEqualTo(account);
    }

    /** RFC 9449 §7.2: a DPoP-bound token used as a bearer token is refused, from the store and from the cache. */
    @Test
    void describeWhenBoundTokenPresentedAsBearerThenInvalidToken() {
        TokenResponse tokens = boundTokens(publicClient, KEY);
        app.tokenChecks.refresh();

        assertRejected(() -> app.describeToken.describe(Optional.of(tokens.accessToken())), ErrorCode.INVALID_TOKEN);
        app.describeToken.describe(dpop(tokens.accessToken(), KEY));
        assertRejected(() -> app.describeToken.describeFromMemory(Optional.of(tokens.accessToken())),
                ErrorCode.INVALID_TOKEN);
    }

    @Test
    void describeFromMemoryWhenDpopSchemeThenLeftToTheStore() {
        TokenResponse tokens = boundTokens(publicClient, KEY);
        app.tokenChecks.refresh();
        app.describeToken.describe(dpop(tokens.accessToken(), KEY));

        assertThat(app.describeToken.describeFromMemory(dpop(tokens.accessToken(), KEY))).isEmpty();
    }

    @Test
    void describeWhenBearerTokenPresentedWithTheDpopSchemeThenInvalidToken() {
        TokenResponse tokens = scenario.tokens(publicClient, account);

        assertRejected(() -> app.describeToken.describe(dpop(tokens.accessToken(), KEY)), ErrorCode.INVALID_TOKEN);
    }

    @Test
    void describeWhenDpopSchemeWithoutProofOrWithAnotherKeysThenInvalidDpopProof() {
        TokenResponse tokens = boundTokens(publicClient, KEY);
        PresentedAccessToken noProof = new PresentedAccessToken(Optional.of(tokens.accessToken()),
                PresentedAccessToken.Scheme.DPOP, Optional.empty());

        assertRejected(() -> app.describeToken.describe(noProof), ErrorCode.INVALID_DPOP_PROOF);
        assertRejected(() -> app.describeToken.describe(dpop(tokens.accessToken(), OTHER_KEY)),
                ErrorCode.INVALID_DPOP_PROOF);
    }

    @Test
    void describeWhenProofNamesAnotherTokenThenInvalidDpopProof() {
        TokenResponse tokens = boundTokens(publicClient, KEY);
        String forOtherToken = proof(app, KEY, "GET", INFO_URI, Optional.of("another-token"), Optional.empty());
        PresentedAccessToken presented = new PresentedAccessToken(Optional.of(tokens.accessToken()),
                PresentedAccessToken.Scheme.DPOP, Optional.of(new DpopRequest(List.of(forOtherToken), "GET", INFO_URI)));

        assertRejected(() -> app.describeToken.describe(presented), ErrorCode.INVALID_DPOP_PROOF);
    }

    @Test
    void userInfoAndInvalidateHonourTheBinding() {
        TokenResponse tokens = app.exchangeCode.exchange(exchange(publicClient,
                scenario.approve(Scenario.request(publicClient, "openid connect"), account), tokenProof(KEY)));

        assertRejected(() -> app.getUserInfo.userInfo(Optional.of(tokens.accessToken())), ErrorCode.INVALID_TOKEN);
        assertThat(app.getUserInfo.userInfo(dpop(tokens.accessToken(), KEY)).subject()).isEqualTo(account.id().value());
        assertRejected(() -> app.invalidateToken.invalidate(Optional.of(tokens.accessToken())), ErrorCode.INVALID_TOKEN);
        app.invalidateToken.invalidate(dpop(tokens.accessToken(), KEY));
        assertRejected(() -> app.describeToken.describe(dpop(tokens.accessToken(), KEY)), ErrorCode.INVALID_TOKEN);
    }

    /** RFC 9449 §6.2: introspection names the key. */
    @Test
    void introspectWhenBoundThenTheKey() {
        TokenResponse tokens = boundTokens(confidential, KEY);

        Introspection introspection = app.introspectToken.introspect(new IntrospectTokenCommand(credentials(confidential),
                Optional.of(tokens.accessToken()), Optional.empty()));

        assertThat(introspection.details().orElseThrow().boundKey()).contains(KEY);
        assertThat(app.introspectToken.introspect(new IntrospectTokenCommand(credentials(confidential),
                Optional.of(scenario.tokens(confidential, account).accessToken()), Optional.empty()))
                .details().orElseThrow().boundKey()).isEmpty();
    }

    @Test
    void proofWindowOfThePolicyIsChecked() {
        String old = proof(app, KEY, "POST", TOKEN_URI, Optional.empty(), Optional.empty());
        app.clock.advance(DpopPolicy.DEFAULT_PROOF_WINDOW.plus(Duration.ofSeconds(1)));

        assertRejected(() -> app.dpopProofs.verify(Optional.of(new DpopRequest(List.of(old), "POST", TOKEN_URI)),
                Optional.empty()), ErrorCode.INVALID_DPOP_PROOF);
    }

    // --- pushed authorization requests (RFC 9449 §10.1) ------------------------------------------

    private Optional<Map<String, String>> pushed(Map<String, String> parameters, JwkThumbprint key) {
        String parUri = TestApplication.ISSUER + "/oauth/par";
        Optional<DpopRequest> proof = Optional.of(new DpopRequest(List.of(proof(app, key, "POST", parUri,
                Optional.empty(), Optional.empty())), "POST", parUri));
        String requestUri = app.pushAuthorizationRequest.push(new PushAuthorizationRequestCommand(
                credentials(publicClient), parameters, proof)).requestUri().value();
        return app.resolvePushedRequest.resolve(new ResolvePushedRequestCommand(
                AuthorizationRequest.of(Map.of("client_id", publicClient.id().value())), Optional.of(requestUri)));
    }

    @Test
    void pushWithProofThenTheRequestCarriesTheKeysThumbprintAsDpopJkt() {
        Map<String, String> parameters = new HashMap<>(Scenario.request(publicClient).parameters());

        assertThat(pushed(parameters, KEY).orElseThrow()).containsEntry("dpop_jkt", KEY.value());
    }

    @Test
    void pushWithProofWhenDpopJktNamesAnotherKeyThenInvalidDpopProof() {
        Map<String, String> parameters = new HashMap<>(Scenario.request(publicClient).parameters());
        parameters.put("dpop_jkt", OTHER_KEY.value());

        assertRejected(() -> pushed(parameters, KEY), ErrorCode.INVALID_DPOP_PROOF);
    }

    // --- the device grant -------------------------------------------------------------------------

    @Test
    void deviceCodeWithProofThenTokensBoundToTheKey() {
        DeviceAuthorizationStarted started = app.startDeviceAuthorization.start(new StartDeviceAuthorizationCommand(
                credentials(publicClient), Optional.of("connect")));
        app.decideDeviceAuthorization.decide(new DecideDeviceAuthorizationCommand(new UserCodeAttempt(
                started.userCode().display(), account.id(), new RequestSource("192.0.2.10")), ConsentDecision.APPROVE,
                Optional.empty()));

        TokenResponse tokens = app.exchangeDeviceCode.exchange(new ExchangeDeviceCodeCommand(credentials(publicClient),
                Optional.of(started.deviceCode()), tokenProof(KEY)));

        assertThat(tokens.tokenType()).isEqualTo("DPoP");
        assertThat(app.ports.tokens().findRefreshToken(TokenKeys.of(tokens.refreshToken().orElseThrow(), app.secretHasher))
                .orElseThrow().boundKey()).contains(KEY);
        assertRejected(() -> refresh(publicClient, tokens.refreshToken().orElseThrow(), Optional.empty()),
                ErrorCode.INVALID_GRANT);
    }
}
