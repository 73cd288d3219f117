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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
        AuthorizationRequest noState = new AuthorizationRequest(Optional.of("code"), Optional.of(confidential.id().value()),
                Optional.of(TestClients.REDIRECT_URI), Optional.of("connect"), Optional.empty(), Optional.empty(), Optional.empty(), List.of());

        assertThat(check(noState).state()).isEmpty();
    }

    @Test
    void checkWhenConfidentialClientSendsNoChallengeThenAccepted() {
        AuthorizationRequest noPkce = new AuthorizationRequest(Optional.of("code"), Optional.of(confidential.id().value()),
                Optional.of(TestClients.REDIRECT_URI), Optional.of("connect"), Optional.of(STATE), Optional.empty(), Optional.empty(), List.of());

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
        AuthorizationRequest noPkce = new AuthorizationRequest(Optional.of("code"), Optional.of(publicClient.id().value()),
                Optional.of(TestClients.REDIRECT_URI), Optional.of("connect"), Optional.of(STATE), Optional.empty(), Optional.empty(), List.of());

        OAuthException rejected = assertRedirected(() -> check(noPkce), ErrorCode.INVALID_REQUEST);
        assertThat(rejected.description()).contains("PKCE required");
    }

    @Test
    void checkWhenMethodWithoutChallengeThenRedirectsInvalidRequest() {
        AuthorizationRequest methodOnly = new AuthorizationRequest(Optional.of("code"), Optional.of(confidential.id().value()),
                Optional.of(TestClients.REDIRECT_URI), Optional.of("connect"), Optional.of(STATE), Optional.empty(), Optional.of("S256"), List.of());

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
        AuthorizationRequest longState = new AuthorizationRequest(Optional.of("code"), Optional.of(confidential.id().value()),
                Optional.of(TestClients.REDIRECT_URI), Optional.of("connect"), Optional.of("s".repeat(AuthorizationRequestChecker.MAX_STATE_LENGTH + 1)),
                Optional.empty(), Optional.empty(), List.of());

        assertThatThrownBy(() -> check(longState)).isInstanceOfSatisfying(AuthorizationRedirectException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_REQUEST);
            assertThat(e.state()).isEmpty();
        });
        assertThat(check(withState(longState, "s".repeat(AuthorizationRequestChecker.MAX_STATE_LENGTH))).state())
                .hasValueSatisfying(state -> assertThat(state).hasSize(AuthorizationRequestChecker.MAX_STATE_LENGTH));
    }

    @Test
    void checkWhenClientIdOrRedirectUriRepeatedThenInvalidRequestWithoutRedirect() {
        assertNotRedirected(() -> check(repeating(request(confidential), "client_id")));
        assertNotRedirected(() -> check(repeating(request(confidential), "redirect_uri", "code_challenge")));
        assertThatThrownBy(() -> check(repeating(request(confidential), "redirect_uri", "code_challenge")))
                .hasMessageContaining("Parameter code_challenge must not be repeated.");
    }

    @Test
    void checkWhenOtherParameterRepeatedThenRedirectsInvalidRequest() {
        OAuthException rejected = assertRedirected(() -> check(repeating(request(confidential), "scope")),
                ErrorCode.INVALID_REQUEST);
        assertThat(rejected.description()).isEqualTo("Parameter scope must not be repeated.");
    }

    @Test
    void checkWhenStateRepeatedThenRedirectedWithoutState() {
        assertThatThrownBy(() -> check(repeating(request(confidential), "state")))
                .isInstanceOfSatisfying(AuthorizationRedirectException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_REQUEST);
                    assertThat(e.state()).isEmpty();
                });
    }

    private static AuthorizationRequest repeating(AuthorizationRequest r, String... names) {
        Map<String, String> parameters = r.parameters();
        return AuthorizationRequest.of(name -> Optional.ofNullable(parameters.get(name)), List.of(names));
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
        return with(r, "response_type", responseType);
    }

    private static AuthorizationRequest withClientId(AuthorizationRequest r, String clientId) {
        return with(r, "client_id", clientId);
    }

    private static AuthorizationRequest withRedirectUri(AuthorizationRequest r, String redirectUri) {
        return with(r, "redirect_uri", redirectUri);
    }

    private static AuthorizationRequest withScope(AuthorizationRequest r, String scope) {
        return with(r, "scope", scope);
    }

    private static AuthorizationRequest withState(AuthorizationRequest r, String state) {
        return with(r, "state", state);
    }

    private static AuthorizationRequest withChallenge(AuthorizationRequest r, String challenge, String method) {
        return with(with(r, "code_challenge", challenge), "code_challenge_method", method);
    }

    /** {@code r} with parameter {@code name} set to {@code value}, or removed when it is null. */
    private static AuthorizationRequest with(AuthorizationRequest r, String name, String value) {
        Map<String, String> parameters = new HashMap<>(r.parameters());
        if (value == null) {
            parameters.remove(name);
        } else {
            parameters.put(name, value);
        }
        return AuthorizationRequest.of(parameters);
    }
}
