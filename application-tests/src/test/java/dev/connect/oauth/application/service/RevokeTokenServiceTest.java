package dev.connect.oauth.application.service;

import static dev.connect.oauth.application.service.Scenario.credentials;
import static dev.connect.oauth.testkit.testdata.OAuthAssertions.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import dev.connect.oauth.application.port.in.ClientCredentials;
import dev.connect.oauth.application.port.in.RevokeTokenCommand;
import dev.connect.oauth.application.port.in.TokenResponse;
import dev.connect.oauth.application.testdata.TestApplication;
import dev.connect.oauth.domain.Account;
import dev.connect.oauth.domain.Client;
import dev.connect.oauth.domain.ErrorCode;
import dev.connect.oauth.domain.TokenTypeHint;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RevokeTokenServiceTest {
    private final Scenario scenario = new Scenario();
    private final TestApplication app = scenario.app;
    private final Client client = scenario.confidentialClient();
    private final Account account = scenario.customer();
    private final TokenResponse tokens = scenario.tokens(client, account);

    @Test
    void revokeWhenAccessTokenThenOnlyThatTokenRevoked() {
        revoke(client, tokens.accessToken(), "access_token");

        assertRejected(() -> app.describeToken.describe(Optional.of(tokens.accessToken())), ErrorCode.INVALID_TOKEN);
        TokenResponse renewed = scenario.refresh(client, tokens.refreshToken().orElseThrow());
        assertThat(app.describeToken.describe(Optional.of(renewed.accessToken())).account()).isEqualTo(account);
    }

    @Test
    void revokeWhenRefreshTokenThenWholeGrantRevoked() {
        revoke(client, tokens.refreshToken().orElseThrow(), "refresh_token");

        assertRejected(() -> app.describeToken.describe(Optional.of(tokens.accessToken())), ErrorCode.INVALID_TOKEN);
        assertRejected(() -> scenario.refresh(client, tokens.refreshToken().orElseThrow()), ErrorCode.INVALID_GRANT);
    }

    @Test
    void revokeWhenHintNamesTheOtherTypeThenTokenStillFoundAndRevoked() {
        revoke(client, tokens.refreshToken().orElseThrow(), "access_token");

        assertRejected(() -> scenario.refresh(client, tokens.refreshToken().orElseThrow()), ErrorCode.INVALID_GRANT);
    }

    @Test
    void revokeWhenHintUnsupportedThenIgnored() {
        revoke(client, tokens.accessToken(), "id_token");

        assertRejected(() -> app.describeToken.describe(Optional.of(tokens.accessToken())), ErrorCode.INVALID_TOKEN);
    }

    @Test
    void revokeWhenTokenOfAnotherClientThenSucceedsAndLeavesItAlone() {
        Client other = scenario.confidentialClient();

        revoke(other, tokens.accessToken(), null);
        revoke(other, tokens.refreshToken().orElseThrow(), null);

        assertThat(app.describeToken.describe(Optional.of(tokens.accessToken())).account()).isEqualTo(account);
        assertThat(scenario.refresh(client, tokens.refreshToken().orElseThrow()).accessToken()).isNotEmpty();
    }

    @Test
    void revokeWhenTokenUnknownOrAlreadyRevokedThenSucceeds() {
        revoke(client, "never-issued", null);
        revoke(client, tokens.accessToken(), null);
        revoke(client, tokens.accessToken(), null);

        assertRejected(() -> app.describeToken.describe(Optional.of(tokens.accessToken())), ErrorCode.INVALID_TOKEN);
    }

    @Test
    void revokeWhenTokenAbsentThenInvalidRequest() {
        assertRejected(() -> revoke(client, null, null), ErrorCode.INVALID_REQUEST);
        assertRejected(() -> revoke(client, "", null), ErrorCode.INVALID_REQUEST);
    }

    @Test
    void revokeWhenClientNotAuthenticatedThenInvalidClientAndNothingRevoked() {
        assertRejected(() -> app.revokeToken.revoke(new RevokeTokenCommand(
                new ClientCredentials(client.id().value(), Optional.of("wrong")), Optional.of(tokens.accessToken()), Optional.empty())),
                ErrorCode.INVALID_CLIENT);

        assertThat(app.describeToken.describe(Optional.of(tokens.accessToken())).account()).isEqualTo(account);
    }

    private void revoke(Client presenting, String token, String hint) {
        app.revokeToken.revoke(new RevokeTokenCommand(credentials(presenting), Optional.ofNullable(token),
                Optional.ofNullable(hint).flatMap(TokenTypeHint::parse)));
    }
}
