package dev.connect.oauth.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.connect.oauth.application.port.in.AuthorizationPlan;
import dev.connect.oauth.application.port.in.AuthorizationRedirectException;
import dev.connect.oauth.application.port.in.AuthorizationRequest;
import dev.connect.oauth.application.port.in.AuthorizeCommand;
import dev.connect.oauth.application.port.in.OpenIdParameters;
import dev.connect.oauth.application.port.in.PlanAuthorizationCommand;
import dev.connect.oauth.application.port.in.RequestSource;
import dev.connect.oauth.application.port.in.SignInCommand;
import dev.connect.oauth.testkit.testdata.MutableClock;
import dev.connect.oauth.testkit.testdata.TestAccounts;
import dev.connect.oauth.application.testdata.TestApplication;
import dev.connect.oauth.testkit.testdata.TestClients;
import dev.connect.oauth.testkit.testdata.TestCodes;
import dev.connect.oauth.domain.Account;
import dev.connect.oauth.domain.Client;
import dev.connect.oauth.domain.ClientOpenIdSettings;
import dev.connect.oauth.domain.ErrorCode;
import dev.connect.oauth.domain.SubjectType;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The browser flow's next step: sign-in, consent or the code, by session, prompt, max_age and remembered consent. */
class PlanAuthorizationServiceTest {
    private final Scenario scenario = new Scenario();
    private final TestApplication app = scenario.app;
    private final Client client = scenario.confidentialClient();
    private final Account account = scenario.customer();

    private static AuthorizationRequest request(Client client, String scope) {
        return Scenario.request(client, scope);
    }

    private static OpenIdParameters openId(String prompt, String maxAge) {
        return new OpenIdParameters(Optional.of("n-1"), Optional.ofNullable(prompt), Optional.ofNullable(maxAge));
    }

    private String session() {
        return app.signIn.signIn(new SignInCommand(Optional.of(account.email().value()), Optional.of(TestAccounts.PASSWORD),
                RequestSource.UNKNOWN)).sessionToken();
    }

    private AuthorizationPlan plan(String scope, OpenIdParameters openId, Optional<String> session) {
        return app.planAuthorization.plan(new PlanAuthorizationCommand(request(client, scope), openId, session));
    }

    private void consentTo(String scope) {
        scenario.approve(request(client, scope), account);
    }

    private static void assertRedirectedWith(Runnable call, ErrorCode expected) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(AuthorizationRedirectException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(expected);
            assertThat(e.state()).hasValue(Scenario.STATE);
        });
    }

    @Test
    void planWhenNoSessionThenSignIn() {
        assertThat(plan("openid", OpenIdParameters.NONE, Optional.empty())).isInstanceOf(AuthorizationPlan.SignIn.class);
    }

    @Test
    void planWhenSessionAndNeverConsentedThenConsent() {
        assertThat(plan("openid", OpenIdParameters.NONE, Optional.of(session())))
                .isEqualTo(new AuthorizationPlan.Consent(app.checkAuthorizationRequest.check(request(client, "openid")),
                        account));
    }

    @Test
    void planWhenConsentedBeforeToAsMuchThenApprovedWithoutAPage() {
        consentTo("openid connect");

        AuthorizationPlan plan = plan("openid", openId(null, null), Optional.of(session()));

        assertThat(plan).isInstanceOfSatisfying(AuthorizationPlan.Approved.class,
                approved -> assertThat(approved.granted().state()).hasValue(Scenario.STATE));
    }

    @Test
    void planWhenConsentedBeforeToFewerScopesThenConsent() {
        consentTo("openid");

        assertThat(plan("openid connect", OpenIdParameters.NONE, Optional.of(session())))
                .isInstanceOf(AuthorizationPlan.Consent.class);
    }

    @Test
    void planWhenConsentRevokedByDisconnectThenConsentAgain() {
        consentTo("openid");
        app.disconnectClient.disconnect(Scenario.principal(account), client.id().value());

        assertThat(plan("openid", OpenIdParameters.NONE, Optional.of(session())))
                .isInstanceOf(AuthorizationPlan.Consent.class);
    }

    @Test
    void planWhenPromptConsentThenConsentEvenIfRemembered() {
        consentTo("openid");

        assertThat(plan("openid", openId("consent", null), Optional.of(session())))
                .isInstanceOf(AuthorizationPlan.Consent.class);
    }

    @Test
    void planWhenPromptLoginThenSignInEvenWithASession() {
        assertThat(plan("openid", openId("login", null), Optional.of(session())))
                .isInstanceOf(AuthorizationPlan.SignIn.class);
    }

    @Test
    void planWhenSessionOlderThanMaxAgeThenSignIn() {
        String session = session();
        app.clock.advance(Duration.ofMinutes(10));

        assertThat(plan("openid", openId(null, "599"), Optional.of(session))).isInstanceOf(AuthorizationPlan.SignIn.class);
        assertThat(plan("openid", openId(null, "600"), Optional.of(session))).isInstanceOf(AuthorizationPlan.Consent.class);
    }

    @Test
    void planWhenNoMaxAgeThenTheClientsDefaultMaxAgeApplies() {
        Client strict = scenario.add(TestClients.confidential().openId(new ClientOpenIdSettings(List.of(),
                SubjectType.PUBLIC, Optional.of(Duration.ofSeconds(599)))).build());
        String session = session();
        app.clock.advance(Duration.ofMinutes(10));

        assertThat(app.planAuthorization.plan(new PlanAuthorizationCommand(request(strict, "openid"),
                openId(null, null), Optional.of(session)))).isInstanceOf(AuthorizationPlan.SignIn.class);
        assertThat(app.planAuthorization.plan(new PlanAuthorizationCommand(request(strict, "openid"),
                openId(null, "600"), Optional.of(session)))).as("the request's max_age wins")
                .isInstanceOf(AuthorizationPlan.Consent.class);
    }

    @Test
    void planWhenPromptNoneWithoutSessionThenLoginRequiredRedirect() {
        assertRedirectedWith(() -> plan("openid", openId("none", null), Optional.empty()), ErrorCode.LOGIN_REQUIRED);
    }

    @Test
    void planWhenPromptNoneAndNeverConsentedThenConsentRequiredRedirect() {
        String session = session();

        assertRedirectedWith(() -> plan("openid", openId("none", null), Optional.of(session)), ErrorCode.CONSENT_REQUIRED);
    }

    @Test
    void planWhenPromptNoneSignedInAndConsentedThenApproved() {
        consentTo("openid");

        assertThat(plan("openid", openId("none", null), Optional.of(session())))
                .isInstanceOf(AuthorizationPlan.Approved.class);
    }

    @Test
    void planWhenPromptOrMaxAgeOrNonceMalformedThenInvalidRequestRedirect() {
        assertRedirectedWith(() -> plan("openid", openId("none login", null), Optional.empty()), ErrorCode.INVALID_REQUEST);
        assertRedirectedWith(() -> plan("openid", openId(null, "-5"), Optional.empty()), ErrorCode.INVALID_REQUEST);
        assertRedirectedWith(() -> plan("openid", new OpenIdParameters(Optional.of("n".repeat(513)), Optional.empty(),
                Optional.empty()), Optional.empty()), ErrorCode.INVALID_REQUEST);
    }

    @Test
    void planWhenApprovedThenTheIdTokenCarriesTheNonceAndTheSessionsSignInTime() {
        String session = session();
        consentTo("openid");
        app.clock.advance(Duration.ofMinutes(2));

        AuthorizationPlan.Approved approved = (AuthorizationPlan.Approved) plan("openid", openId(null, null),
                Optional.of(session));

        var tokens = app.exchangeCode.exchange(Scenario.exchange(client, approved.granted().code()));
        var claims = app.idTokenSigner.claimsOf(tokens.idToken().orElseThrow()).orElseThrow();
        assertThat(claims.nonce()).hasValue("n-1");
        assertThat(claims.authTime()).hasValue(MutableClock.START);
    }
}
