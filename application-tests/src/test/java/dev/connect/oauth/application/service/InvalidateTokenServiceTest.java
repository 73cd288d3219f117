package dev.connect.oauth.application.service;

import static dev.connect.oauth.testkit.testdata.OAuthAssertions.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import dev.connect.oauth.application.port.in.TokenResponse;
import dev.connect.oauth.application.testdata.TestApplication;
import dev.connect.oauth.domain.Account;
import dev.connect.oauth.domain.Client;
import dev.connect.oauth.domain.ErrorCode;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InvalidateTokenServiceTest {
    private final Scenario scenario = new Scenario();
    private final TestApplication app = scenario.app;
    private final Client client = scenario.publicClient();
    private final Account account = scenario.customer();
    private final TokenResponse tokens = scenario.tokens(client, account);

    @Test
    void invalidateWhenTokenActiveThenAccessAndItsRefreshTokenRevoked() {
        app.invalidateToken.invalidate(Optional.of(tokens.accessToken()));

        assertRejected(() -> app.describeToken.describe(Optional.of(tokens.accessToken())), ErrorCode.INVALID_TOKEN);
        assertRejected(() -> scenario.refresh(client, tokens.refreshToken().orElseThrow()), ErrorCode.INVALID_GRANT);
    }

    @Test
    void invalidateWhenOtherTokensOfTheAccountThenThoseLive() {
        TokenResponse other = scenario.tokens(client, account);

        app.invalidateToken.invalidate(Optional.of(tokens.accessToken()));

        assertThat(app.describeToken.describe(Optional.of(other.accessToken())).account()).isEqualTo(account);
    }

    @Test
    void invalidateWhenAlreadyInvalidatedThenInvalidToken() {
        app.invalidateToken.invalidate(Optional.of(tokens.accessToken()));

        assertRejected(() -> app.invalidateToken.invalidate(Optional.of(tokens.accessToken())), ErrorCode.INVALID_TOKEN);
    }

    @Test
    void invalidateWhenTokenMissingOrUnknownThenInvalidToken() {
        assertRejected(() -> app.invalidateToken.invalidate(Optional.empty()), ErrorCode.INVALID_TOKEN);
        assertRejected(() -> app.invalidateToken.invalidate(Optional.of("unknown")), ErrorCode.INVALID_TOKEN);
    }

    @Test
    void invalidateWhenTokenExpiredThenInvalidToken() {
        app.clock.advance(app.policy.accessTokenTtl());

        assertRejected(() -> app.invalidateToken.invalidate(Optional.of(tokens.accessToken())), ErrorCode.INVALID_TOKEN);
    }
}
