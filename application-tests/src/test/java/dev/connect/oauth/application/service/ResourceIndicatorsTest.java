package dev.connect.oauth.application.service;

import static dev.connect.oauth.application.service.Scenario.credentials;
import static dev.connect.oauth.testkit.testdata.OAuthAssertions.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.connect.oauth.application.port.in.AuthorizationRedirectException;
import dev.connect.oauth.application.port.in.AuthorizationRequest;
import dev.connect.oauth.application.port.in.ClientCredentialsCommand;
import dev.connect.oauth.application.port.in.ExchangeCodeCommand;
import dev.connect.oauth.application.port.in.IntrospectTokenCommand;
import dev.connect.oauth.application.port.in.Introspection;
import dev.connect.oauth.application.port.in.RefreshTokenCommand;
import dev.connect.oauth.application.port.in.TokenResponse;
import dev.connect.oauth.application.testdata.TestApplication;
import dev.connect.oauth.domain.Account;
import dev.connect.oauth.domain.Client;
import dev.connect.oauth.domain.ClientOpenIdSettings;
import dev.connect.oauth.domain.ErrorCode;
import dev.connect.oauth.domain.ResourceSet;
import dev.connect.oauth.domain.SubjectType;
import dev.connect.oauth.testkit.testdata.TestClients;
import dev.connect.oauth.testkit.testdata.TestCodes;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** RFC 8707 resource indicators: registered per client, bound to the code, narrowing the access token's aud. */
class ResourceIndicatorsTest {
    private static final String API = "https://api.example.com/";
    private static final String FILES = "https://files.example.com/v1";
    private static final String UNREGISTERED = "https://elsewhere.example.com/";

    private final Scenario scenario = new Scenario();
    private final TestApplication app = scenario.app;
    private final Client client = scenario.add(TestClients.confidential().openId(new ClientOpenIdSettings(List.of(),
            SubjectType.PUBLIC, Optional.empty(), ResourceSet.parse(List.of(API, FILES)))).build());
    private final Account account = scenario.customer();

    private String code(List<String> resources) {
        return scenario.approve(request(resources), account);
    }

    private AuthorizationRequest request(List<String> resources) {
        AuthorizationRequest plain = Scenario.request(client);
        return AuthorizationRequest.of(name -> Optional.ofNullable(plain.parameters().get(name)), resources, List.of());
    }

    private TokenResponse exchange(String code, List<String> resources) {
        return app.exchangeCode.exchange(new ExchangeCodeCommand(credentials(client), Optional.of(code),
                Optional.of(TestClients.REDIRECT_URI), Optional.of(TestCodes.VERIFIER), Optional.empty(), resources));
    }

    private List<String> audienceOf(TokenResponse tokens) {
        return app.codec.claimsOf(tokens.accessToken()).orElseThrow().audience();
    }

    @Test
    void exchangeWhenNoResourceAnywhereThenDefaultAudience() {
        assertThat(audienceOf(exchange(code(List.of()), List.of()))).containsExactly(app.policy.audience());
    }

    @Test
    void exchangeWhenAuthorizedForResourcesThenAudienceIsThemAll() {
        assertThat(audienceOf(exchange(code(List.of(API, FILES)), List.of()))).containsExactly(API, FILES);
    }

    @Test
    void exchangeWhenResourceRequestedThenAudienceNarrowedToIt() {
        assertThat(audienceOf(exchange(code(List.of(API, FILES)), List.of(FILES)))).containsExactly(FILES);
    }

    @Test
    void exchangeWhenResourceNotBoundToTheCodeThenInvalidTarget() {
        String code = code(List.of(API));

        assertRejected(() -> exchange(code, List.of(FILES)), ErrorCode.INVALID_TARGET);
        assertRejected(() -> exchange(code(List.of()), List.of(API)), ErrorCode.INVALID_TARGET);
    }

    @Test
    void authorizeWhenResourceNotRegisteredOrMalformedThenRedirectedInvalidTarget() {
        for (String resource : List.of(UNREGISTERED, "relative/path", API + "#fragment")) {
            assertThatThrownBy(() -> code(List.of(resource)))
                    .isInstanceOfSatisfying(AuthorizationRedirectException.class,
                            e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_TARGET));
        }
    }

    @Test
    void refreshWhenResourceRequestedThenNarrowedAndTheRefreshTokenKeepsAll() {
        TokenResponse first = exchange(code(List.of(API, FILES)), List.of(API));

        TokenResponse narrowed = refresh(first.refreshToken().orElseThrow(), List.of(FILES));
        TokenResponse all = refresh(narrowed.refreshToken().orElseThrow(), List.of());

        assertThat(audienceOf(narrowed)).containsExactly(FILES);
        assertThat(audienceOf(all)).containsExactly(API, FILES);
    }

    @Test
    void refreshWhenResourceNotBoundThenInvalidTargetAndTokenStillUsable() {
        TokenResponse first = exchange(code(List.of(API)), List.of());
        String refreshToken = first.refreshToken().orElseThrow();

        assertRejected(() -> refresh(refreshToken, List.of(FILES)), ErrorCode.INVALID_TARGET);
        assertThat(audienceOf(refresh(refreshToken, List.of()))).containsExactly(API);
    }

    @Test
    void clientCredentialsWhenResourceRegisteredThenAudienceIsIt() {
        TokenResponse tokens = app.issueClientCredentialsToken.issue(new ClientCredentialsCommand(credentials(client),
                Optional.empty(), Optional.empty(), List.of(FILES)));

        assertThat(audienceOf(tokens)).containsExactly(FILES);
    }

    @Test
    void clientCredentialsWhenResourceNotRegisteredThenInvalidTarget() {
        assertRejected(() -> app.issueClientCredentialsToken.issue(new ClientCredentialsCommand(credentials(client),
                Optional.empty(), Optional.empty(), List.of(UNREGISTERED))), ErrorCode.INVALID_TARGET);
        Client without = scenario.confidentialClient();
        assertRejected(() -> app.issueClientCredentialsToken.issue(new ClientCredentialsCommand(credentials(without),
                Optional.empty(), Optional.empty(), List.of(API))), ErrorCode.INVALID_TARGET);
    }

    @Test
    void introspectWhenAccessTokenForResourcesThenAudIsThemAndRefreshTokenHasNone() {
        TokenResponse tokens = exchange(code(List.of(API, FILES)), List.of(API));

        assertThat(introspect(tokens.accessToken()).details().orElseThrow().audience()).containsExactly(API);
        assertThat(introspect(tokens.refreshToken().orElseThrow()).details().orElseThrow().audience()).isEmpty();
        TokenResponse plain = scenario.tokens(scenario.confidentialClient(), account);
        assertThat(app.codec.claimsOf(plain.accessToken()).orElseThrow().audience())
                .containsExactly(app.policy.audience());
    }

    private TokenResponse refresh(String refreshToken, List<String> resources) {
        return app.refreshToken.refresh(new RefreshTokenCommand(credentials(client), Optional.of(refreshToken),
                Optional.empty(), Optional.empty(), resources));
    }

    private Introspection introspect(String token) {
        return app.introspectToken.introspect(new IntrospectTokenCommand(credentials(client), Optional.of(token),
                Optional.empty()));
    }
}
