package dev.connect.oauth.application.service;

import static dev.connect.oauth.application.service.Scenario.credentials;
import static dev.connect.oauth.testkit.testdata.OAuthAssertions.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import dev.connect.oauth.application.port.in.ClientCredentials;
import dev.connect.oauth.application.port.in.ClientCredentialsCommand;
import dev.connect.oauth.application.port.in.IntrospectTokenCommand;
import dev.connect.oauth.application.port.in.Introspection;
import dev.connect.oauth.application.port.in.TokenResponse;
import dev.connect.oauth.application.port.out.AccessTokenClaims;
import dev.connect.oauth.application.testdata.TestApplication;
import dev.connect.oauth.domain.Client;
import dev.connect.oauth.domain.ErrorCode;
import dev.connect.oauth.domain.Scope;
import dev.connect.oauth.domain.ScopeSet;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IssueClientCredentialsTokenServiceTest {
    private final Scenario scenario = new Scenario();
    private final TestApplication app = scenario.app;
    private final Client client = scenario.confidentialClient();

    @Test
    void issueWhenConfidentialClientThenAccessTokenForItselfWithoutRefreshToken() {
        TokenResponse tokens = issue(client, null);

        assertThat(tokens.refreshToken()).isEmpty();
        assertThat(tokens.refreshExpiresIn()).isEmpty();
        assertThat(tokens.expiresIn()).isEqualTo(app.policy.accessTokenTtl().toSeconds());
        assertThat(tokens.scope()).isEqualTo(client.allowedScopes());
        AccessTokenClaims claims = app.codec.claimsOf(tokens.accessToken()).orElseThrow();
        assertThat(claims.subject()).isEqualTo(client.id().value());
        assertThat(claims.clientId()).isEqualTo(client.id());
        Introspection introspection = app.introspectToken.introspect(new IntrospectTokenCommand(credentials(client),
                Optional.of(tokens.accessToken()), Optional.empty()));
        assertThat(introspection.details()).hasValueSatisfying(details -> {
            assertThat(details.subject()).isEmpty();
            assertThat(details.username()).isEmpty();
        });
    }

    @Test
    void issueWhenScopeRequestedThenOnlyThatScope() {
        assertThat(issue(client, "triggers").scope()).isEqualTo(ScopeSet.of(Scope.TRIGGERS));
        assertThat(issue(client, "*").scope()).isEqualTo(client.allowedScopes());
    }

    @Test
    void issueWhenScopeOutsideClientsSetThenInvalidScope() {
        assertRejected(() -> issue(client, "actions"), ErrorCode.INVALID_SCOPE);
    }

    @Test
    void issueWhenPublicClientThenUnauthorizedClient() {
        assertRejected(() -> issue(scenario.publicClient(), null), ErrorCode.UNAUTHORIZED_CLIENT);
    }

    @Test
    void issueWhenSecretWrongThenInvalidClient() {
        assertRejected(() -> app.issueClientCredentialsToken.issue(new ClientCredentialsCommand(
                new ClientCredentials(client.id().value(), Optional.of("wrong")), Optional.empty())), ErrorCode.INVALID_CLIENT);
    }

    @Test
    void issueWhenTokenPresentedToInfoThenInvalidTokenForItNamesNoAccount() {
        TokenResponse tokens = issue(client, "connect");

        assertRejected(() -> app.describeToken.describe(Optional.of(tokens.accessToken())), ErrorCode.INVALID_TOKEN);
    }

    private TokenResponse issue(Client presenting, String scope) {
        return app.issueClientCredentialsToken.issue(new ClientCredentialsCommand(credentials(presenting), Optional.ofNullable(scope)));
    }
}
