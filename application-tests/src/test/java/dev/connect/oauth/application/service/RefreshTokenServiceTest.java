package dev.connect.oauth.application.service;

import static dev.connect.oauth.application.service.Scenario.credentials;
import static dev.connect.oauth.testkit.testdata.OAuthAssertions.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import dev.connect.oauth.application.port.in.ClientCredentials;
import dev.connect.oauth.application.port.in.RefreshTokenCommand;
import dev.connect.oauth.application.port.in.RefreshTokenUseCase;
import dev.connect.oauth.application.port.in.TokenResponse;
import dev.connect.oauth.application.port.out.AuditEvent;
import dev.connect.oauth.application.port.out.AuditEventType;
import dev.connect.oauth.application.testdata.TestApplication;
import dev.connect.oauth.domain.Account;
import dev.connect.oauth.domain.Client;
import dev.connect.oauth.domain.ErrorCode;
import dev.connect.oauth.domain.Scope;
import dev.connect.oauth.domain.ScopeSet;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RefreshTokenServiceTest {
    private final Scenario scenario = new Scenario();
    private final TestApplication app = scenario.app;
    private final Client client = scenario.confidentialClient();
    private final Account account = scenario.customer();
    private final TokenResponse issued = scenario.tokens(client, account);
    private final String refreshToken = issued.refreshToken().orElseThrow();

    @Test
    void refreshWhenTokenActiveThenNewAccessAndRefreshToken() {
        TokenResponse rotated = scenario.refresh(client, refreshToken);

        assertThat(rotated.accessToken()).isNotEqualTo(issued.accessToken());
        assertThat(rotated.refreshToken()).isPresent().isNotEqualTo(issued.refreshToken());
        assertThat(rotated.scope()).isEqualTo(issued.scope());
        assertThat(app.describeToken.describe(Optional.of(rotated.accessToken())).account()).isEqualTo(account);
        assertThat(app.codec.claimsOf(rotated.accessToken()).orElseThrow().subject()).isEqualTo(account.id().value());
    }

    @Test
    void refreshWhenRotatedMonthlyThenTheFamilyEndsAtItsMaximumLifetime() {
        Duration maximum = app.policy.refreshTokenMaxLifetime();
        String current = refreshToken;
        Duration lived = Duration.ZERO;
        long lastExpiresIn = 0;
        while (lived.plus(Duration.ofDays(29)).compareTo(maximum) < 0) {
            app.clock.advance(Duration.ofDays(29));
            lived = lived.plus(Duration.ofDays(29));
            TokenResponse rotated = scenario.refresh(client, current);
            current = rotated.refreshToken().orElseThrow();
            lastExpiresIn = rotated.refreshExpiresIn().orElseThrow();
        }

        assertThat(Duration.ofSeconds(lastExpiresIn)).isEqualTo(maximum.minus(lived));
        app.clock.advance(maximum.minus(lived));
        String expired = current;
        assertRejected(() -> scenario.refresh(client, expired), ErrorCode.INVALID_GRANT);
    }

    @Test
    void refreshWhenRotatedThenSuccessorRefreshesAgain() {
        TokenResponse second = scenario.refresh(client, refreshToken);

        TokenResponse third = scenario.refresh(client, second.refreshToken().orElseThrow());

        assertThat(app.describeToken.describe(Optional.of(third.accessToken())).account()).isEqualTo(account);
    }

    @Test
    void refreshWhenRetiredTokenReusedAfterTheRetryGraceThenFamilyRevokedWithNewestTokens() {
        TokenResponse legitimate = scenario.refresh(client, refreshToken);
        app.clock.advance(app.policy.retryGrace());

        assertRejected(() -> scenario.refresh(client, refreshToken), ErrorCode.INVALID_GRANT);

        assertRejected(() -> app.describeToken.describe(Optional.of(legitimate.accessToken())), ErrorCode.INVALID_TOKEN);
        assertRejected(() -> app.describeToken.describe(Optional.of(issued.accessToken())), ErrorCode.INVALID_TOKEN);
        assertRejected(() -> scenario.refresh(client, legitimate.refreshToken().orElseThrow()),
                ErrorCode.INVALID_GRANT);
        List<AuditEvent> reuses = app.ports.audit().recent(20).stream()
                .filter(event -> event.type().equals(AuditEventType.REFRESH_TOKEN_REUSED)).toList();
        assertThat(reuses).singleElement().satisfies(event -> {
            assertThat(event.clientId()).contains(client.id().value());
            assertThat(event.accountId()).contains(account.id().value());
            assertThat(event.detail()).doesNotContain(refreshToken);
        });
    }

    @Test
    void refreshWhenRetriedWithinTheGraceThenAFreshSuccessorReplacesTheUnusedOneAndTheGrantStands() {
        TokenResponse lost = scenario.refresh(client, refreshToken);
        app.clock.advance(app.policy.retryGrace().minusSeconds(1));

        TokenResponse retried = scenario.refresh(client, refreshToken);
        TokenResponse again = scenario.refresh(client, refreshToken);

        assertThat(List.of(lost.refreshToken(), retried.refreshToken(), again.refreshToken())).doesNotHaveDuplicates();
        assertThat(app.describeToken.describe(Optional.of(again.accessToken())).account()).isEqualTo(account);
        assertThat(scenario.refresh(client, again.refreshToken().orElseThrow()).refreshToken()).isPresent();
        assertRejected(() -> app.describeToken.describe(Optional.of(lost.accessToken())), ErrorCode.INVALID_TOKEN);
        assertRejected(() -> app.describeToken.describe(Optional.of(retried.accessToken())), ErrorCode.INVALID_TOKEN);
        assertRejected(() -> scenario.refresh(client, lost.refreshToken().orElseThrow()), ErrorCode.INVALID_GRANT);
        assertThat(app.ports.audit().recent(20)).noneMatch(event -> event.type().equals(AuditEventType.REFRESH_TOKEN_REUSED));
    }

    @Test
    void refreshWhenRetriedAfterTheSuccessorWasUsedThenFamilyRevoked() {
        TokenResponse second = scenario.refresh(client, refreshToken);
        TokenResponse third = scenario.refresh(client, second.refreshToken().orElseThrow());

        assertRejected(() -> scenario.refresh(client, refreshToken), ErrorCode.INVALID_GRANT);

        assertRejected(() -> app.describeToken.describe(Optional.of(third.accessToken())), ErrorCode.INVALID_TOKEN);
    }

    @Test
    void refreshWhenRetriedWithAWiderScopeThenFamilyRevoked() {
        TokenResponse second = scenario.refresh(client, refreshToken);

        assertRejected(() -> app.refreshToken.refresh(new RefreshTokenCommand(credentials(client), Optional.ofNullable(refreshToken),
                Optional.of("connect triggers actions"))), ErrorCode.INVALID_GRANT);

        assertRejected(() -> app.describeToken.describe(Optional.of(second.accessToken())), ErrorCode.INVALID_TOKEN);
    }

    @Test
    void refreshWhenRetryGraceOffThenAnyReuseRevokesTheFamily() {
        Scenario strict = new Scenario(app.policy.withRetryGrace(Duration.ZERO));
        Client strictClient = strict.confidentialClient();
        String first = strict.tokens(strictClient, strict.customer()).refreshToken().orElseThrow();
        TokenResponse second = strict.refresh(strictClient, first);

        assertRejected(() -> strict.refresh(strictClient, first), ErrorCode.INVALID_GRANT);

        assertRejected(() -> strict.app.describeToken.describe(Optional.of(second.accessToken())), ErrorCode.INVALID_TOKEN);
    }

    @Test
    void refreshWhenRotationLostToConcurrentRequestThenFamilyRevoked() {
        StaleReadTokenRepository staleReads = new StaleReadTokenRepository(app.ports.tokens());
        RefreshTokenUseCase racing = new RefreshTokenService(app.clientAuthenticator, app.ports.grants(), staleReads,
                app.codec, app.generator, app.secretHasher, app.ports.audit(), app.clock, app.policy, app.idTokenSigner,
                app.pairwise, app.dpopProofs);
        RefreshTokenCommand command = new RefreshTokenCommand(credentials(client), Optional.ofNullable(refreshToken), Optional.empty());
        TokenResponse winner = racing.refresh(command);

        // The second request read the token before the first rotated it, so it still looks active.
        assertRejected(() -> racing.refresh(command), ErrorCode.INVALID_GRANT);

        assertRejected(() -> app.describeToken.describe(Optional.of(winner.accessToken())), ErrorCode.INVALID_TOKEN);
        assertThat(app.ports.audit().recent(20)).extracting(AuditEvent::type)
                .contains(AuditEventType.REFRESH_TOKEN_REUSED);
    }

    @Test
    void refreshWhenScopeNarrowerThenAccessTokenNarrowedAndRefreshTokenKeepsFullScope() {
        TokenResponse narrowed = app.refreshToken.refresh(new RefreshTokenCommand(credentials(client), Optional.ofNullable(refreshToken),
                Optional.of("triggers")));

        assertThat(narrowed.scope()).isEqualTo(ScopeSet.of(Scope.TRIGGERS));
        assertThat(app.codec.claimsOf(narrowed.accessToken()).orElseThrow().scopes())
                .isEqualTo(ScopeSet.of(Scope.TRIGGERS));
        assertRejected(() -> app.describeToken.describe(Optional.of(narrowed.accessToken())), ErrorCode.INSUFFICIENT_SCOPE);
        TokenResponse next = scenario.refresh(client, narrowed.refreshToken().orElseThrow());
        assertThat(next.scope()).isEqualTo(ScopeSet.parse("connect triggers"));
    }

    @Test
    void refreshWhenScopeWiderThanGrantedThenInvalidScope() {
        assertRejected(() -> app.refreshToken.refresh(new RefreshTokenCommand(credentials(client), Optional.ofNullable(refreshToken),
                Optional.of("connect actions"))), ErrorCode.INVALID_SCOPE);
        assertRejected(() -> app.refreshToken.refresh(new RefreshTokenCommand(credentials(client), Optional.ofNullable(refreshToken),
                Optional.of("conn\"ect"))), ErrorCode.INVALID_SCOPE);
        // A refused scope is not a use: the token still rotates.
        assertThat(scenario.refresh(client, refreshToken).accessToken()).isNotEmpty();
    }

    @Test
    void refreshWhenTokenAbsentThenInvalidRequest() {
        assertRejected(() -> scenario.refresh(client, null), ErrorCode.INVALID_REQUEST);
        assertRejected(() -> scenario.refresh(client, ""), ErrorCode.INVALID_REQUEST);
    }

    @Test
    void refreshWhenTokenUnknownThenInvalidGrant() {
        assertRejected(() -> scenario.refresh(client, "never-issued"), ErrorCode.INVALID_GRANT);
        assertRejected(() -> scenario.refresh(client, issued.accessToken()), ErrorCode.INVALID_GRANT);
    }

    @Test
    void refreshWhenTokenOfAnotherClientThenInvalidGrantAndTokenUntouched() {
        Client other = scenario.confidentialClient();

        assertRejected(() -> scenario.refresh(other, refreshToken), ErrorCode.INVALID_GRANT);

        assertThat(scenario.refresh(client, refreshToken).accessToken()).isNotEmpty();
    }

    @Test
    void refreshWhenTokenExpiredThenInvalidGrant() {
        app.clock.advance(app.policy.refreshTokenTtl());

        assertRejected(() -> scenario.refresh(client, refreshToken), ErrorCode.INVALID_GRANT);
    }

    @Test
    void refreshWhenTokenRevokedThenInvalidGrant() {
        app.invalidateToken.invalidate(Optional.of(issued.accessToken()));

        assertRejected(() -> scenario.refresh(client, refreshToken), ErrorCode.INVALID_GRANT);
        assertThat(app.ports.audit().recent(20)).extracting(AuditEvent::type)
                .doesNotContain(AuditEventType.REFRESH_TOKEN_REUSED);
    }

    @Test
    void refreshWhenClientSecretWrongThenInvalidClient() {
        assertRejected(() -> app.refreshToken.refresh(new RefreshTokenCommand(
                new ClientCredentials(client.id().value(),
                        Optional.of("wrong")), Optional.ofNullable(refreshToken), Optional.empty())), ErrorCode.INVALID_CLIENT);
    }

    @Test
    void refreshWhenRotatedThenNewRefreshTokenLivesAFullTerm() {
        app.clock.advance(Duration.ofDays(29));

        TokenResponse rotated = scenario.refresh(client, refreshToken);

        assertThat(rotated.refreshExpiresIn()).contains(app.policy.refreshTokenTtl().toSeconds());
        app.clock.advance(Duration.ofDays(2));
        assertThat(scenario.refresh(client, rotated.refreshToken().orElseThrow()).accessToken()).isNotEmpty();
    }
}
