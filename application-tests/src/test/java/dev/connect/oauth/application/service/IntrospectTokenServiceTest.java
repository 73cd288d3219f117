package dev.connect.oauth.application.service;

import static dev.connect.oauth.application.service.Scenario.credentials;
import static dev.connect.oauth.testkit.testdata.OAuthAssertions.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import dev.connect.oauth.application.port.in.ClientCredentials;
import dev.connect.oauth.application.port.in.IntrospectTokenCommand;
import dev.connect.oauth.application.port.in.Introspection;
import dev.connect.oauth.application.port.in.TokenResponse;
import dev.connect.oauth.application.testdata.TestApplication;
import dev.connect.oauth.domain.Account;
import dev.connect.oauth.domain.Client;
import dev.connect.oauth.domain.ErrorCode;
import dev.connect.oauth.domain.TokenTypeHint;
import dev.connect.oauth.testkit.testdata.MutableClock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IntrospectTokenServiceTest {
    private final Scenario scenario = new Scenario();
    private final TestApplication app = scenario.app;
    private final Client client = scenario.confidentialClient();
    private final Account account = scenario.customer();
    private final TokenResponse tokens = scenario.tokens(client, account);

    @Test
    void introspectWhenAccessTokenActiveThenDetails() {
        Introspection introspection = introspect(client, tokens.accessToken(), null);

        assertThat(introspection.active()).isTrue();
        assertThat(introspection.details()).hasValueSatisfying(details -> {
            assertThat(details.tokenType()).isEqualTo(TokenTypeHint.ACCESS_TOKEN);
            assertThat(details.clientId()).isEqualTo(client.id());
            assertThat(details.subject()).contains(account.id().value());
            assertThat(details.username()).contains(account.email().value());
            assertThat(details.scope()).isEqualTo(tokens.scope());
            assertThat(details.issuedAt()).isEqualTo(MutableClock.START);
            assertThat(details.expiresAt()).isEqualTo(tokens.expiresAt());
            assertThat(details.id().value()).isEqualTo(app.codec.claimsOf(tokens.accessToken()).orElseThrow()
                    .jti().value());
        });
    }

    @Test
    void introspectWhenRefreshTokenActiveThenRefreshTokenDetails() {
        Introspection introspection = introspect(client, tokens.refreshToken().orElseThrow(), "refresh_token");

        assertThat(introspection.details()).hasValueSatisfying(details -> {
            assertThat(details.tokenType()).isEqualTo(TokenTypeHint.REFRESH_TOKEN);
            assertThat(details.expiresAt()).isEqualTo(MutableClock.START.plus(app.policy.refreshTokenTtl()));
        });
    }

    @Test
    void introspectWhenTokenOfAnotherClientThenInactive() {
        Client other = scenario.confidentialClient();

        assertThat(introspect(other, tokens.accessToken(), null)).isEqualTo(Introspection.inactive());
        assertThat(introspect(other, tokens.refreshToken().orElseThrow(), null)).isEqualTo(Introspection.inactive());
    }

    @Test
    void introspectWhenTokenUnknownThenInactive() {
        assertThat(introspect(client, "never-issued", "access_token")).isEqualTo(Introspection.inactive());
    }

    @Test
    void introspectWhenAccessTokenExpiredThenInactive() {
        app.clock.advance(app.policy.accessTokenTtl());

        assertThat(introspect(client, tokens.accessToken(), null)).isEqualTo(Introspection.inactive());
        assertThat(introspect(client, tokens.refreshToken().orElseThrow(), null).active()).isTrue();
    }

    @Test
    void introspectWhenRevokedThenInactive() {
        app.invalidateToken.invalidate(Optional.of(tokens.accessToken()));

        assertThat(introspect(client, tokens.accessToken(), null)).isEqualTo(Introspection.inactive());
        assertThat(introspect(client, tokens.refreshToken().orElseThrow(), null)).isEqualTo(Introspection.inactive());
    }

    @Test
    void introspectWhenRefreshTokenRetiredThenInactive() {
        app.clock.advance(Duration.ofMinutes(5));
        scenario.refresh(client, tokens.refreshToken().orElseThrow());

        assertThat(introspect(client, tokens.refreshToken().orElseThrow(), null)).isEqualTo(Introspection.inactive());
    }

    @Test
    void introspectWhenTokenAbsentThenInvalidRequest() {
        assertRejected(() -> introspect(client, null, null), ErrorCode.INVALID_REQUEST);
    }

    @Test
    void introspectWhenClientNotAuthenticatedThenInvalidClient() {
        assertRejected(() -> app.introspectToken.introspect(new IntrospectTokenCommand(
                new ClientCredentials(client.id().value(), Optional.empty()), Optional.of(tokens.accessToken()), Optional.empty())),
                ErrorCode.INVALID_CLIENT);
    }

    private Introspection introspect(Client presenting, String token, String hint) {
        return app.introspectToken.introspect(new IntrospectTokenCommand(credentials(presenting), Optional.ofNullable(token),
                Optional.ofNullable(hint).flatMap(TokenTypeHint::parse)));
    }
}
