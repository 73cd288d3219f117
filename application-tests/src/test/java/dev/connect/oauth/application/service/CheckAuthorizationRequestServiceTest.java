package dev.connect.oauth.application.service;

import static dev.connect.oauth.application.service.Scenario.STATE;
import static dev.connect.oauth.application.service.Scenario.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.connect.oauth.application.OAuthPolicy;
import dev.connect.oauth.application.port.in.AuthorizationRedirectException;
import dev.connect.oauth.application.port.in.AuthorizationRequest;
import dev.connect.oauth.application.port.in.CheckedAuthorization;
import dev.connect.oauth.application.testdata.TestApplication;
import dev.connect.oauth.domain.Client;
import dev.connect.oauth.domain.ErrorCode;
import dev.connect.oauth.domain.OAuthException;
import dev.connect.oauth.domain.PkceMethod;
import dev.connect.oauth.domain.RedirectUri;
import dev.connect.oauth.domain.ScopeSet;
import dev.connect.oauth.testkit.testdata.TestClients;
import dev.connect.oauth.testkit.testdata.TestCodes;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class CheckAuthorizationRequestServiceTest {
    private final Scenario scenario = new Scenario();
    private final Client confidential = scenario.confidentialClient();
    private final Client publicClient = scenario.publicClient();

    @Test
    void checkWhenRequestValidThenBindsClientRedirectScopesChallengeAndState() {
        CheckedAuthorization checked = check(request(publicClient));

        assertThat(checked.client()).isEqualTo(publicClient);
        assertThat(checked.redirectUri()).isEqualTo(new RedirectUri(TestClients.REDIRECT_URI));
        assertThat(checked.scopes()).isEqualTo(ScopeSet.parse("connect triggers"));
        assertThat(checked.challenge()).hasValueSatisfying(challenge -> {
            assertThat(challenge.challenge()).isEqualTo(TestCodes.CHALLENGE);
            assertThat(challenge.method()).isEqualTo(PkceMethod.S256);
        });
        assertThat(checked.state()).contains(STATE);
    }

    @Test
    void checkWhenScopeIsWildcardThenEveryScopeOfTheClient() {
        CheckedAuthorization checked = check(withScope(request(confidential), "*"));

        assertThat(checked.scopes()).isEqualTo(confidential.allowedScopes());
    }

    @Test
    void checkWhenStateAbsentThenNoneEchoed() {
        AuthorizationRequest noState = new AuthorizationRequest("code", confidential.id().value(),
                TestClients.REDIRECT_URI, "connect", null, null, null);

        assertThat(check(noState).state()).isEmpty();
    }

    @Test
    void checkWhenConfidentialClientSendsNoChallengeThenAccepted() {
        AuthorizationRequest noPkce = new AuthorizationRequest("code", confidential.id().value(),
                TestClients.REDIRECT_URI, "connect", STATE, null, null);

        assertThat(check(noPkce).challenge()).isEmpty();
    }

    @Test
    void checkWhenClientUnknownThenInvalidRequestWithoutRedirect() {
        assertNotRedirected(() -> check(withClientId(request(confidential), "no-such-client")));
    }

    @Test
    void checkWhenClientIdMalformedOrAbsentThenInvalidRequestWithoutRedirect() {
        assertNotRedirected(() -> check(withClientId(request(confidential), "bad id with spaces")));
        assertNotRedirected(() -> check(withClientId(request(confidential), null)));
    }

    @Test
    void checkWhenRedirectUriMissingThenInvalidRequestWithoutRedirect() {
        assertNotRedirected(() -> check(withRedirectUri(request(confidential), null)));
    }

    @Test
    void checkWhenRedirectUriOnlyPrefixOfRegisteredThenInvalidRequestWithoutRedirect() {
        assertNotRedirected(() -> check(withRedirectUri(request(confidential), TestClients.REDIRECT_URI + "/evil")));
        assertNotRedirected(() -> check(withRedirectUri(request(confidential), "https://APP.example.com/callback")));
    }

    @Test
    void checkWhenResponseTypeMissingThenRedirectsInvalidRequest() {
        assertRedirected(() -> check(withResponseType(request(confidential), null)), ErrorCode.INVALID_REQUEST);
    }

    @Test
    void checkWhenResponseTypeIsTokenThenRedirectsUnsupportedResponseType() {
        assertRedirected(() -> check(withResponseType(request(confidential), "token")),
                ErrorCode.UNSUPPORTED_RESPONSE_TYPE);
    }

    @Test
    void checkWhenScopeOutsideClientsSetThenRedirectsInvalidScope() {
        assertRedirected(() -> check(withScope(request(confidential), "connect actions")), ErrorCode.INVALID_SCOPE);
    }

    @Test
    void checkWhenPublicClientSendsNoChallengeThenRedirectsInvalidRequest() {
        AuthorizationRequest noPkce = new AuthorizationRequest("code", publicClient.id().value(),
                TestClients.REDIRECT_URI, "connect", STATE, null, null);

        OAuthException rejected = assertRedirected(() -> check(noPkce), ErrorCode.INVALID_REQUEST);
        assertThat(rejected.description()).contains("PKCE required");
    }

    @Test
    void checkWhenMethodWithoutChallengeThenRedirectsInvalidRequest() {
        AuthorizationRequest methodOnly = new AuthorizationRequest("code", confidential.id().value(),
                TestClients.REDIRECT_URI, "connect", STATE, null, "S256");

        assertRedirected(() -> check(methodOnly), ErrorCode.INVALID_REQUEST);
    }

    @Test
    void checkWhenChallengeMalformedOrMethodUnknownThenRedirectsInvalidRequest() {
        assertRedirected(() -> check(withChallenge(request(publicClient), "too-short", "S256")),
                ErrorCode.INVALID_REQUEST);
        assertRedirected(() -> check(withChallenge(request(publicClient), TestCodes.CHALLENGE, "S512")),
                ErrorCode.INVALID_REQUEST);
    }

    @Test
    void checkWhenPlainAllowedThenPlainAndAbsentMethodAccepted() {
        assertThat(check(withChallenge(request(publicClient), TestCodes.VERIFIER, "plain")).challenge())
                .hasValueSatisfying(challenge -> assertThat(challenge.method()).isEqualTo(PkceMethod.PLAIN));
        assertThat(check(withChallenge(request(publicClient), TestCodes.VERIFIER, null)).challenge())
                .hasValueSatisfying(challenge -> assertThat(challenge.method()).isEqualTo(PkceMethod.PLAIN));
    }

    @Test
    void checkWhenPolicyForbidsPlainThenPlainRedirectsInvalidRequest() {
        OAuthPolicy defaults = OAuthPolicy.defaults(TestApplication.ISSUER);
        Scenario strict = new Scenario(new OAuthPolicy(defaults.issuer(), defaults.audience(),
                defaults.scopeCatalogue(), defaults.accessTokenTtl(), defaults.refreshTokenTtl(), defaults.codeTtl(),
                defaults.sessionTtl(), false, defaults.retryGrace(), defaults.refreshTokenMaxLifetime()));
        Client client = strict.publicClient();

        assertRedirected(() -> strict.app.checkAuthorizationRequest.check(
                withChallenge(request(client), TestCodes.VERIFIER, "plain")), ErrorCode.INVALID_REQUEST);
        assertRedirected(() -> strict.app.checkAuthorizationRequest.check(
                withChallenge(request(client), TestCodes.VERIFIER, null)), ErrorCode.INVALID_REQUEST);
        assertThat(strict.app.checkAuthorizationRequest.check(request(client)).challenge()).isPresent();
    }

    @Test
    void checkWhenStateTooLongThenRedirectsInvalidRequestWithoutEchoingIt() {
        AuthorizationRequest longState = new AuthorizationRequest("code", confidential.id().value(),
                TestClients.REDIRECT_URI, "connect", "s".repeat(AuthorizationRequestChecker.MAX_STATE_LENGTH + 1),
                null, null);

        assertThatThrownBy(() -> check(longState)).isInstanceOfSatisfying(AuthorizationRedirectException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_REQUEST);
            assertThat(e.state()).isEmpty();
        });
        assertThat(check(withState(longState, "s".repeat(AuthorizationRequestChecker.MAX_STATE_LENGTH))).state())
                .hasValueSatisfying(state -> assertThat(state).hasSize(AuthorizationRequestChecker.MAX_STATE_LENGTH));
    }

    private CheckedAuthorization check(AuthorizationRequest request) {
        return scenario.app.checkAuthorizationRequest.check(request);
    }

    /** Rejected, and as a plain error: the user sees it, the (unverified) redirect URI never does. */
    private static void assertNotRedirected(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(OAuthException.class, e -> {
            assertThat(e).isNotInstanceOf(AuthorizationRedirectException.class);
            assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_REQUEST);
        });
    }

    /** Rejected with {@code expected}, sent back to the registered redirect URI with the state. */
    private static OAuthException assertRedirected(ThrowingCallable call, ErrorCode expected) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).isInstanceOfSatisfying(AuthorizationRedirectException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(expected);
            assertThat(e.redirectUri()).isEqualTo(new RedirectUri(TestClients.REDIRECT_URI));
            assertThat(e.state()).isEqualTo(Optional.of(STATE));
        });
        return (OAuthException) thrown;
    }

    private static AuthorizationRequest withResponseType(AuthorizationRequest r, String responseType) {
        return new AuthorizationRequest(responseType, r.clientId(), r.redirectUri(), r.scope(), r.state(),
                r.codeChallenge(), r.codeChallengeMethod());
    }

    private static AuthorizationRequest withClientId(AuthorizationRequest r, String clientId) {
        return new AuthorizationRequest(r.responseType(), clientId, r.redirectUri(), r.scope(), r.state(),
                r.codeChallenge(), r.codeChallengeMethod());
    }

    private static AuthorizationRequest withRedirectUri(AuthorizationRequest r, String redirectUri) {
        return new AuthorizationRequest(r.responseType(), r.clientId(), redirectUri, r.scope(), r.state(),
                r.codeChallenge(), r.codeChallengeMethod());
    }

    private static AuthorizationRequest withScope(AuthorizationRequest r, String scope) {
        return new AuthorizationRequest(r.responseType(), r.clientId(), r.redirectUri(), scope, r.state(),
                r.codeChallenge(), r.codeChallengeMethod());
    }

    private static AuthorizationRequest withState(AuthorizationRequest r, String state) {
        return new AuthorizationRequest(r.responseType(), r.clientId(), r.redirectUri(), r.scope(), state,
                r.codeChallenge(), r.codeChallengeMethod());
    }

    private static AuthorizationRequest withChallenge(AuthorizationRequest r, String challenge, String method) {
        return new AuthorizationRequest(r.responseType(), r.clientId(), r.redirectUri(), r.scope(), r.state(),
                challenge, method);
    }
}
