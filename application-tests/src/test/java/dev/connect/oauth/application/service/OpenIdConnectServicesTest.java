package dev.connect.oauth.application.service;

import static dev.connect.oauth.application.service.Scenario.credentials;
import static dev.connect.oauth.application.service.Scenario.exchange;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.connect.oauth.application.port.in.AuthorizationRedirectException;
import dev.connect.oauth.application.port.in.AuthorizationRequest;
import dev.connect.oauth.application.port.in.AuthorizeCommand;
import dev.connect.oauth.application.port.in.ConsentDecision;
import dev.connect.oauth.application.port.in.RefreshTokenCommand;
import dev.connect.oauth.application.port.in.RequestSource;
import dev.connect.oauth.application.port.in.SignInCommand;
import dev.connect.oauth.application.port.in.SignedIn;
import dev.connect.oauth.application.port.in.SignedInAccount;
import dev.connect.oauth.application.port.in.TokenResponse;
import dev.connect.oauth.application.port.in.UserInfo;
import dev.connect.oauth.application.port.out.IdTokenClaims;
import dev.connect.oauth.application.testdata.TestApplication;
import dev.connect.oauth.domain.AccessTokenHash;
import dev.connect.oauth.domain.Account;
import dev.connect.oauth.domain.Client;
import dev.connect.oauth.domain.ErrorCode;
import dev.connect.oauth.domain.OAuthException;
import dev.connect.oauth.testkit.testdata.MutableClock;
import dev.connect.oauth.testkit.testdata.TestAccounts;
import dev.connect.oauth.testkit.testdata.TestClients;
import dev.connect.oauth.testkit.testdata.TestCodes;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * OpenID Connect over the code flow: the ID token at the code exchange and on refresh, the nonce
 * binding, {@code auth_time}, {@code at_hash}, and the UserInfo claims each scope releases.
 */
class OpenIdConnectServicesTest {
    private static final String NONCE = "n-0S6_WzA2Mj";

    private final Scenario scenario = new Scenario();
    private final TestApplication app = scenario.app;
    private final Client client = scenario.confidentialClient();
    private final Account account = scenario.customer();

    private static AuthorizationRequest request(Client client, String scope) {
        return Scenario.request(client, scope);
    }

    private TokenResponse tokens(String scope, Optional<String> nonce, Optional<Instant> signedInAt) {
        String code = Scenario.granted(app.authorize.authorize(new AuthorizeCommand(request(client, scope),
                account.id(), ConsentDecision.APPROVE, nonce, signedInAt)));
        return app.exchangeCode.exchange(exchange(client, code));
    }

    private IdTokenClaims idTokenClaims(TokenResponse tokens) {
        return app.idTokenSigner.claimsOf(tokens.idToken().orElseThrow()).orElseThrow();
    }

    @Test
    void exchangeWhenOpenIdThenIdTokenNamesIssuerAccountClientNonceAndAuthTime() {
        Instant signedInAt = MutableClock.START.minus(Duration.ofMinutes(5));

        TokenResponse tokens = tokens("openid connect", Optional.of(NONCE), Optional.of(signedInAt));

        IdTokenClaims claims = idTokenClaims(tokens);
        assertThat(claims.issuer()).isEqualTo(TestApplication.ISSUER);
        assertThat(claims.subject()).isEqualTo(account.id().value());
        assertThat(claims.audience()).isEqualTo(client.id());
        assertThat(claims.nonce()).hasValue(NONCE);
        assertThat(claims.authTime()).hasValue(signedInAt);
        assertThat(claims.issuedAt()).isEqualTo(MutableClock.START);
        assertThat(claims.expiresAt()).isEqualTo(MutableClock.START.plus(app.policy.accessTokenTtl()));
    }

    @Test
    void exchangeWhenOpenIdThenAtHashIsTheAccessTokensHash() {
        TokenResponse tokens = tokens("openid", Optional.empty(), Optional.empty());

        assertThat(idTokenClaims(tokens).accessTokenHash()).isEqualTo(AccessTokenHash.of(tokens.accessToken()));
    }

    @Test
    void exchangeWhenApprovedWithApiKeyThenAuthTimeIsTheApprovalAndNoNonce() {
        TokenResponse tokens = tokens("openid", Optional.empty(), Optional.empty());

        IdTokenClaims claims = idTokenClaims(tokens);
        assertThat(claims.authTime()).hasValue(MutableClock.START);
        assertThat(claims.nonce()).isEmpty();
    }

    @Test
    void exchangeWhenNotOpenIdThenNoIdToken() {
        assertThat(tokens("connect", Optional.of(NONCE), Optional.empty()).idToken()).isEmpty();
    }

    @Test
    void authorizeWhenNonceTooLongThenRedirectedInvalidRequest() {
        AuthorizeCommand command = new AuthorizeCommand(request(client, "openid"), account.id(),
                ConsentDecision.APPROVE, Optional.of("n".repeat(513)), Optional.empty());

        assertThatThrownBy(() -> app.authorize.authorize(command))
                .isInstanceOfSatisfying(AuthorizationRedirectException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_REQUEST));
    }

    @Test
    void authorizeWhenOpenIdScopesNotRegisteredThenStillGranted() {
        TokenResponse tokens = tokens("openid profile email phone connect", Optional.empty(), Optional.empty());

        assertThat(tokens.scope().toString()).isEqualTo("connect email openid phone profile");
    }

    @Test
    void refreshWhenOpenIdThenNewIdTokenWithTheOriginalAuthTimeAndNoNonce() {
        Instant signedInAt = MutableClock.START.minus(Duration.ofMinutes(5));
        TokenResponse first = tokens("openid connect", Optional.of(NONCE), Optional.of(signedInAt));
        app.clock.advance(Duration.ofMinutes(10));

        TokenResponse refreshed = app.refreshToken.refresh(new RefreshTokenCommand(credentials(client),
                first.refreshToken(), Optional.empty()));

        IdTokenClaims claims = idTokenClaims(refreshed);
        assertThat(claims.authTime()).hasValue(signedInAt);
        assertThat(claims.nonce()).isEmpty();
        assertThat(claims.issuedAt()).isEqualTo(MutableClock.START.plus(Duration.ofMinutes(10)));
        assertThat(claims.subject()).isEqualTo(idTokenClaims(first).subject());
        assertThat(claims.accessTokenHash()).isEqualTo(AccessTokenHash.of(refreshed.accessToken()));
    }

    @Test
    void refreshWhenScopeNarrowedWithoutOpenIdThenNoIdToken() {
        TokenResponse first = tokens("openid connect", Optional.empty(), Optional.empty());

        TokenResponse refreshed = app.refreshToken.refresh(new RefreshTokenCommand(credentials(client),
                first.refreshToken(), Optional.of("connect")));

        assertThat(refreshed.idToken()).isEmpty();
    }

    @Test
    void userInfoWhenOpenIdOnlyThenSubjectAlone() {
        TokenResponse tokens = tokens("openid", Optional.empty(), Optional.empty());

        assertThat(app.getUserInfo.userInfo(Optional.of(tokens.accessToken())))
                .isEqualTo(new UserInfo(account.id().value(), Optional.empty(), Optional.empty(), Optional.empty()));
    }

    @Test
    void userInfoWhenProfileEmailPhoneThenTheAccountsClaims() {
        TokenResponse tokens = tokens("openid profile email phone", Optional.empty(), Optional.empty());

        UserInfo info = app.getUserInfo.userInfo(Optional.of(tokens.accessToken()));

        assertThat(info.subject()).isEqualTo(idTokenClaims(tokens).subject());
        assertThat(info.name()).hasValue(account.name());
        assertThat(info.email()).hasValue(account.email());
        assertThat(info.phone()).isEqualTo(account.phone());
    }

    @Test
    void userInfoWhenNoOpenIdThenInsufficientScope() {
        TokenResponse tokens = tokens("connect", Optional.empty(), Optional.empty());

        assertThatThrownBy(() -> app.getUserInfo.userInfo(Optional.of(tokens.accessToken())))
                .isInstanceOfSatisfying(OAuthException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.INSUFFICIENT_SCOPE));
    }

    @Test
    void userInfoWhenTokenUnknownOrMissingThenInvalidToken() {
        assertThatThrownBy(() -> app.getUserInfo.userInfo(Optional.of("unknown")))
                .isInstanceOfSatisfying(OAuthException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_TOKEN));
        assertThatThrownBy(() -> app.getUserInfo.userInfo(Optional.empty()))
                .isInstanceOfSatisfying(OAuthException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_TOKEN));
    }

    @Test
    void resolveSignInWhenSessionValidThenTheAccountAndWhenItSignedIn() {
        SignedIn session = app.signIn.signIn(new SignInCommand(Optional.of(account.email().value()), Optional.of(TestAccounts.PASSWORD),
                RequestSource.UNKNOWN));
        app.clock.advance(Duration.ofMinutes(3));

        assertThat(app.resolveSignIn.signedIn(Optional.of(session.sessionToken())))
                .hasValue(new SignedInAccount(account, MutableClock.START));
        assertThat(app.resolveSignIn.signedIn(Optional.empty())).isEmpty();
        assertThat(app.resolveSignIn.signedIn(Optional.of("unknown"))).isEmpty();
    }
}
