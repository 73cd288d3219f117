package dev.connect.oauth.application.service;

import static dev.connect.oauth.application.service.Scenario.credentials;
import static dev.connect.oauth.testkit.testdata.OAuthAssertions.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.connect.oauth.application.AbuseLimits;
import dev.connect.oauth.application.OAuthPolicy;
import dev.connect.oauth.application.port.in.ConsentDecision;
import dev.connect.oauth.application.port.in.DecideDeviceAuthorizationCommand;
import dev.connect.oauth.application.port.in.DeviceAuthorizationStarted;
import dev.connect.oauth.application.port.in.ExchangeDeviceCodeCommand;
import dev.connect.oauth.application.port.in.PendingDeviceAuthorization;
import dev.connect.oauth.application.port.in.RequestSource;
import dev.connect.oauth.application.port.in.StartDeviceAuthorizationCommand;
import dev.connect.oauth.application.port.in.TokenResponse;
import dev.connect.oauth.application.port.in.TooManyAttemptsException;
import dev.connect.oauth.application.port.in.UserCodeAttempt;
import dev.connect.oauth.application.port.out.AuditEventType;
import dev.connect.oauth.application.testdata.TestApplication;
import dev.connect.oauth.domain.Account;
import dev.connect.oauth.domain.Client;
import dev.connect.oauth.domain.ErrorCode;
import dev.connect.oauth.domain.ScopeSet;
import dev.connect.oauth.domain.UserCode;
import dev.connect.oauth.application.port.in.ClientCredentials;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class DeviceAuthorizationServicesTest {
    private static final RequestSource HOME = new RequestSource("192.0.2.10");

    private final Scenario scenario = new Scenario();
    private final TestApplication app = scenario.app;
    private final Client tv = scenario.publicClient();
    private final Client confidential = scenario.confidentialClient();
    private final Account account = scenario.customer();

    private DeviceAuthorizationStarted start(Client client, String scope) {
        return app.startDeviceAuthorization.start(new StartDeviceAuthorizationCommand(credentials(client),
                Optional.ofNullable(scope)));
    }

    private TokenResponse poll(Client client, String deviceCode) {
        return app.exchangeDeviceCode.exchange(new ExchangeDeviceCodeCommand(credentials(client), Optional.of(deviceCode)));
    }

    private PendingDeviceAuthorization decide(String userCode, ConsentDecision decision) {
        return decide(userCode, decision, account, HOME);
    }

    private PendingDeviceAuthorization decide(String userCode, ConsentDecision decision, Account by, RequestSource source) {
        return app.decideDeviceAuthorization.decide(new DecideDeviceAuthorizationCommand(
                new UserCodeAttempt(userCode, by.id(), source), decision, Optional.empty()));
    }

    private PendingDeviceAuthorization find(String userCode, RequestSource source) {
        return app.findDeviceAuthorization.find(new UserCodeAttempt(userCode, account.id(), source));
    }

    @Test
    void startThenDeviceCodeUserCodeAndThePolicyTimes() {
        DeviceAuthorizationStarted started = start(tv, "connect");

        assertThat(started.deviceCode()).hasSize(43);
        assertThat(started.userCode().display()).matches("[BCDFGHJKLMNPQRSTVWXZ]{4}-[BCDFGHJKLMNPQRSTVWXZ]{4}");
        assertThat(started.expiresIn()).isEqualTo(OAuthPolicy.DEFAULT_DEVICE_CODE_TTL).isEqualTo(Duration.ofMinutes(10));
        assertThat(started.interval()).isEqualTo(OAuthPolicy.DEFAULT_DEVICE_INTERVAL).isEqualTo(Duration.ofSeconds(5));
        assertThat(started.toString()).doesNotContain(started.deviceCode());
    }

    @Test
    void startWhenConfiguredThenThoseTimes() {
        OAuthPolicy defaults = OAuthPolicy.defaults(TestApplication.ISSUER);
        OAuthPolicy policy = new OAuthPolicy(defaults.issuer(), defaults.audience(), defaults.scopeCatalogue(),
                defaults.accessTokenTtl(), defaults.refreshTokenTtl(), defaults.codeTtl(), defaults.sessionTtl(),
                defaults.allowPlainPkce(), defaults.retryGrace(), defaults.refreshTokenMaxLifetime(),
                Duration.ofMinutes(3), Duration.ofSeconds(7));
        Scenario configured = new Scenario(policy);
        Client client = configured.publicClient();

        DeviceAuthorizationStarted started = configured.app.startDeviceAuthorization.start(
                new StartDeviceAuthorizationCommand(credentials(client), Optional.empty()));

        assertThat(started.expiresIn()).isEqualTo(Duration.ofMinutes(3));
        assertThat(started.interval()).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void startWhenScopeAbsentThenEveryRegisteredScopeAndOpenIdRequestable() {
        DeviceAuthorizationStarted all = start(tv, null);
        DeviceAuthorizationStarted openId = start(tv, "openid connect");

        assertThat(find(all.userCode().display(), HOME).scopes()).isEqualTo(tv.allowedScopes());
        assertThat(find(openId.userCode().display(), HOME).scopes()).isEqualTo(ScopeSet.parse("openid connect"));
    }

    @Test
    void startWhenScopeNotAllowedThenInvalidScope() {
        assertRejected(() -> start(tv, "admin"), ErrorCode.INVALID_SCOPE);
    }

    @Test
    void startWhenClientUnknownOrWrongSecretThenInvalidClient() {
        assertRejected(() -> app.startDeviceAuthorization.start(new StartDeviceAuthorizationCommand(
                new ClientCredentials("nobody", Optional.empty()), Optional.empty())), ErrorCode.INVALID_CLIENT);
        assertRejected(() -> app.startDeviceAuthorization.start(new StartDeviceAuthorizationCommand(
                new ClientCredentials(confidential.id().value(), Optional.of("wrong")), Optional.empty())),
                ErrorCode.INVALID_CLIENT);
    }

    @Test
    void pollWhenUndecidedThenAuthorizationPending() {
        DeviceAuthorizationStarted started = start(tv, "connect");

        assertRejected(() -> poll(tv, started.deviceCode()), ErrorCode.AUTHORIZATION_PENDING);
        app.clock.advance(Duration.ofSeconds(5));
        assertRejected(() -> poll(tv, started.deviceCode()), ErrorCode.AUTHORIZATION_PENDING);
    }

    @Test
    void pollWhenSoonerThanTheIntervalThenSlowDownAndTheIntervalGrowsByFiveSeconds() {
        DeviceAuthorizationStarted started = start(tv, "connect");
        assertRejected(() -> poll(tv, started.deviceCode()), ErrorCode.AUTHORIZATION_PENDING);

        app.clock.advance(Duration.ofSeconds(4));
        assertRejected(() -> poll(tv, started.deviceCode()), ErrorCode.SLOW_DOWN);
        // Now 10 s apart: 9 s is too soon, 10 s is not.
        app.clock.advance(Duration.ofSeconds(9));
        assertRejected(() -> poll(tv, started.deviceCode()), ErrorCode.SLOW_DOWN);
        app.clock.advance(Duration.ofSeconds(15));
        assertRejected(() -> poll(tv, started.deviceCode()), ErrorCode.AUTHORIZATION_PENDING);
    }

    @Test
    void pollWhenApprovedThenTokensLikeTheCodeFlowOnce() {
        DeviceAuthorizationStarted started = start(tv, "connect triggers");
        decide(started.userCode().display(), ConsentDecision.APPROVE);

        TokenResponse tokens = poll(tv, started.deviceCode());

        assertThat(tokens.refreshToken()).isPresent();
        assertThat(tokens.idToken()).isEmpty();
        assertThat(tokens.scope()).isEqualTo(ScopeSet.parse("connect triggers"));
        assertThat(app.describeToken.describe(Optional.of(tokens.accessToken())).account()).isEqualTo(account);
        assertThat(scenario.refresh(tv, tokens.refreshToken().orElseThrow()).refreshToken()).isPresent();
        app.clock.advance(Duration.ofSeconds(5));
        assertRejected(() -> poll(tv, started.deviceCode()), ErrorCode.INVALID_GRANT);
    }

    @Test
    void pollWhenOpenIdApprovedThenIdTokenToo() {
        DeviceAuthorizationStarted started = start(tv, "openid connect");
        decide(started.userCode().display(), ConsentDecision.APPROVE);

        TokenResponse tokens = poll(tv, started.deviceCode());

        assertThat(tokens.idToken()).isPresent();
    }

    @Test
    void pollWhenDeniedThenAccessDenied() {
        DeviceAuthorizationStarted started = start(tv, "connect");
        decide(started.userCode().display(), ConsentDecision.DENY);

        assertRejected(() -> poll(tv, started.deviceCode()), ErrorCode.ACCESS_DENIED);
    }

    @Test
    void pollWhenExpiredThenExpiredToken() {
        DeviceAuthorizationStarted started = start(tv, "connect");
        app.clock.advance(started.expiresIn());

        assertRejected(() -> poll(tv, started.deviceCode()), ErrorCode.EXPIRED_TOKEN);
    }

    @Test
    void pollWhenAnotherClientOrUnknownOrMissingThenInvalidGrantOrInvalidRequest() {
        DeviceAuthorizationStarted started = start(tv, "connect");

        assertRejected(() -> poll(confidential, started.deviceCode()), ErrorCode.INVALID_GRANT);
        assertRejected(() -> poll(tv, "not-a-device-code"), ErrorCode.INVALID_GRANT);
        assertRejected(() -> app.exchangeDeviceCode.exchange(new ExchangeDeviceCodeCommand(credentials(tv),
                Optional.empty())), ErrorCode.INVALID_REQUEST);
    }

    @Test
    void pollWhenGrantRevokedAfterApprovalThenInvalidGrant() {
        DeviceAuthorizationStarted started = start(tv, "connect");
        decide(started.userCode().display(), ConsentDecision.APPROVE);
        app.disconnectClient.disconnect(Scenario.principal(account), tv.id().value());

        assertRejected(() -> poll(tv, started.deviceCode()), ErrorCode.INVALID_GRANT);
    }

    @Test
    void pollWhenRacingThenExactlyOnePollGetsTheTokens() throws Exception {
        DeviceAuthorizationStarted started = start(tv, "connect");
        decide(started.userCode().display(), ConsentDecision.APPROVE);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Optional<TokenResponse>>> polls = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                polls.add(pool.submit(() -> {
                    try {
                        return Optional.of(poll(tv, started.deviceCode()));
                    } catch (dev.connect.oauth.domain.OAuthException refused) {
                        return Optional.<TokenResponse>empty();
                    }
                }));
            }
            long winners = 0;
            for (Future<Optional<TokenResponse>> poll : polls) {
                winners += poll.get().isPresent() ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void findWhenTypedInAnyCaseWithoutDashThenTheRequestWithClientAndScopes() {
        DeviceAuthorizationStarted started = start(tv, "connect");
        String typed = " " + started.userCode().value().toLowerCase(Locale.ROOT) + " ";

        PendingDeviceAuthorization pending = find(typed, HOME);

        assertThat(pending.userCode()).isEqualTo(started.userCode());
        assertThat(pending.clientId()).isEqualTo(tv.id());
        assertThat(pending.clientName()).isEqualTo(tv.name());
        assertThat(pending.scopes()).isEqualTo(ScopeSet.parse("connect"));
    }

    @Test
    void findWhenUnknownOrMalformedThenNotFound() {
        assertRejected(() -> find("BCDF-GHJK", HOME), ErrorCode.NOT_FOUND);
        assertRejected(() -> find("not a code", HOME), ErrorCode.NOT_FOUND);
    }

    @Test
    void findWhenExpiredThenExpiredTokenAndWhenDecidedThenInvalidGrant() {
        DeviceAuthorizationStarted expired = start(tv, "connect");
        app.clock.advance(expired.expiresIn());
        DeviceAuthorizationStarted decided = start(tv, "connect");
        decide(decided.userCode().display(), ConsentDecision.DENY);

        assertRejected(() -> find(expired.userCode().display(), HOME), ErrorCode.EXPIRED_TOKEN);
        assertRejected(() -> find(decided.userCode().display(), HOME), ErrorCode.INVALID_GRANT);
        assertRejected(() -> decide(decided.userCode().display(), ConsentDecision.APPROVE), ErrorCode.INVALID_GRANT);
    }

    @Test
    void decideWhenApprovedThenAGrantOfTheAccountAuditedAndAConnection() {
        DeviceAuthorizationStarted started = start(tv, "connect");

        PendingDeviceAuthorization decided = decide(started.userCode().display(), ConsentDecision.APPROVE);

        assertThat(decided.clientId()).isEqualTo(tv.id());
        assertThat(app.listConnections.list(Scenario.principal(account))).singleElement()
                .satisfies(connection -> assertThat(connection.clientId()).isEqualTo(tv.id()));
        assertThat(app.ports.audit().recent(10)).anySatisfy(event -> {
            assertThat(event.type()).isEqualTo(AuditEventType.AUTHORIZATION_GRANTED);
            assertThat(event.detail()).contains("device").doesNotContain(started.userCode().value());
        });
    }

    @Test
    void findWhenTooManyWrongCodesFromOneSourceThenRefusedUntilTheWindowEnds() {
        DeviceAuthorizationStarted started = start(tv, "connect");
        for (int i = 0; i < AbuseLimits.USER_CODE_FAILURES_PER_SOURCE; i++) {
            assertRejected(() -> find("BCDF-GHJK", HOME), ErrorCode.NOT_FOUND);
        }

        // Even the right code is refused now: a sweep cannot go on.
        assertThatThrownBy(() -> find(started.userCode().display(), HOME))
                .isInstanceOfSatisfying(TooManyAttemptsException.class,
                        e -> assertThat(e.retryAfter()).isEqualTo(AbuseLimits.USER_CODE_FAILURE_WINDOW));
        assertThatThrownBy(() -> decide(started.userCode().display(), ConsentDecision.APPROVE))
                .isInstanceOf(TooManyAttemptsException.class);
        // Another source of another account is not affected; the window ends.
        Account other = scenario.customer();
        assertThat(app.findDeviceAuthorization.find(new UserCodeAttempt(started.userCode().display(), other.id(),
                new RequestSource("198.51.100.7"))).clientId()).isEqualTo(tv.id());
        app.clock.advance(AbuseLimits.USER_CODE_FAILURE_WINDOW);
        DeviceAuthorizationStarted later = start(tv, "connect");
        assertThat(find(later.userCode().display(), HOME).clientId()).isEqualTo(tv.id());
    }

    @Test
    void findWhenTooManyWrongCodesOfOneAccountFromManySourcesThenRefused() {
        for (int i = 0; i < AbuseLimits.USER_CODE_FAILURES_PER_ACCOUNT; i++) {
            RequestSource source = new RequestSource("203.0.113." + i);
            assertRejected(() -> find("BCDF-GHJK", source), ErrorCode.NOT_FOUND);
        }

        assertThatThrownBy(() -> find("BCDF-GHJK", new RequestSource("203.0.113.200")))
                .isInstanceOf(TooManyAttemptsException.class);
    }

    @Test
    void findWhenExpiredOrDecidedThenNotCountedAsWrongGuesses() {
        DeviceAuthorizationStarted expired = start(tv, "connect");
        app.clock.advance(expired.expiresIn());
        for (int i = 0; i < AbuseLimits.USER_CODE_FAILURES_PER_SOURCE + 1; i++) {
            assertRejected(() -> find(expired.userCode().display(), HOME), ErrorCode.EXPIRED_TOKEN);
        }
    }

    @Test
    void decideWhenTheClientWasDeletedThenNotFound() {
        DeviceAuthorizationStarted started = start(tv, "connect");
        app.ports.clients().remove(tv.id(), app.clock.instant());

        assertRejected(() -> decide(started.userCode().display(), ConsentDecision.APPROVE), ErrorCode.NOT_FOUND);
    }

    @Test
    void userCodesWhenManyStartedThenAllDifferent() {
        java.util.Set<UserCode> codes = new java.util.HashSet<>();
        for (int i = 0; i < 200; i++) {
            codes.add(start(tv, "connect").userCode());
        }
        assertThat(codes).hasSize(200);
    }

    @Test
    void commandsWhenPrintedThenNoCode() {
        assertThat(new ExchangeDeviceCodeCommand(credentials(tv), Optional.of("secret-device-code")).toString())
                .doesNotContain("secret-device-code");
        assertThat(new UserCodeAttempt("WDJB-MJHT", account.id(), HOME).toString()).doesNotContain("WDJB");
    }
}
