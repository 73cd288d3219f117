package dev.connect.oauth.application.service;

import static dev.connect.oauth.application.service.Scenario.credentials;
import static dev.connect.oauth.application.service.Scenario.exchange;
import static dev.connect.oauth.testkit.testdata.OAuthAssertions.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import dev.connect.oauth.application.port.in.ClientCredentials;
import dev.connect.oauth.application.port.in.ExchangeCodeCommand;
import dev.connect.oauth.application.port.in.TokenResponse;
import dev.connect.oauth.application.port.out.AccessTokenClaims;
import dev.connect.oauth.application.port.out.AuditEvent;
import dev.connect.oauth.application.port.out.AuditEventType;
import dev.connect.oauth.testkit.testdata.MutableClock;
import dev.connect.oauth.application.testdata.TestApplication;
import dev.connect.oauth.domain.Account;
import dev.connect.oauth.domain.Client;
import dev.connect.oauth.domain.ErrorCode;
import dev.connect.oauth.domain.OAuthException;
import dev.connect.oauth.domain.ScopeSet;
import dev.connect.oauth.testkit.testdata.TestClients;
import dev.connect.oauth.testkit.testdata.TestCodes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ExchangeCodeServiceTest {
    private final Scenario scenario = new Scenario();
    private final TestApplication app = scenario.app;
    private final Client publicClient = scenario.publicClient();
    private final Client confidential = scenario.confidentialClient();
    private final Account account = scenario.customer();

    @Test
    void exchangeWhenCodeValidThenAccessAndRefreshToken() {
        TokenResponse tokens = app.exchangeCode.exchange(exchange(publicClient, scenario.code(publicClient, account)));

        assertThat(tokens.expiresIn()).isEqualTo(3600);
        assertThat(tokens.expiresAt()).isEqualTo(MutableClock.START.plus(Duration.ofHours(1)));
        assertThat(tokens.refreshToken()).isPresent();
        assertThat(tokens.refreshExpiresIn()).contains(Duration.ofDays(30).toSeconds());
        assertThat(tokens.scope()).isEqualTo(ScopeSet.parse("connect triggers"));
        assertThat(app.describeToken.describe(Optional.of(tokens.accessToken())).account()).isEqualTo(account);
    }

    @Test
    void exchangeWhenCodeValidThenJwtClaimsNameIssuerAudienceAccountAndClient() {
        TokenResponse tokens = scenario.tokens(confidential, account);

        AccessTokenClaims claims = app.codec.claimsOf(tokens.accessToken()).orElseThrow();
        assertThat(claims.issuer()).isEqualTo(TestApplication.ISSUER);
        assertThat(claims.audience()).containsExactly(app.policy.audience());
        assertThat(claims.subject()).isEqualTo(account.id().value());
        assertThat(claims.clientId()).isEqualTo(confidential.id());
        assertThat(claims.scopes()).isEqualTo(tokens.scope());
        assertThat(claims.expiresAt()).isEqualTo(tokens.expiresAt());
    }

    @Test
    void exchangeWhenCodeReplayedAfterTheRetryGraceThenInvalidGrantAndRevokesTokens() {
        String code = scenario.code(publicClient, account);
        TokenResponse first = app.exchangeCode.exchange(exchange(publicClient, code));
        app.clock.advance(app.policy.retryGrace());

        assertRejected(() -> app.exchangeCode.exchange(exchange(publicClient, code)), ErrorCode.INVALID_GRANT);

        assertRejected(() -> app.describeToken.describe(Optional.of(first.accessToken())), ErrorCode.INVALID_TOKEN);
        assertRejected(() -> scenario.refresh(publicClient, first.refreshToken().orElseThrow()),
                ErrorCode.INVALID_GRANT);
        List<AuditEvent> replays = app.ports.audit().recent(10).stream()
                .filter(event -> event.type().equals(AuditEventType.CODE_REPLAYED)).toList();
        assertThat(replays).singleElement().satisfies(event -> {
            assertThat(event.clientId()).contains(publicClient.id().value());
            assertThat(event.accountId()).contains(account.id().value());
            assertThat(event.detail()).doesNotContain(code);
        });
    }

    @Test
    void exchangeWhenCodeAbsentThenInvalidRequest() {
        assertRejected(() -> app.exchangeCode.exchange(exchange(publicClient, null)), ErrorCode.INVALID_REQUEST);
        assertRejected(() -> app.exchangeCode.exchange(exchange(publicClient, "")), ErrorCode.INVALID_REQUEST);
    }

    @Test
    void exchangeWhenCodeUnknownThenInvalidGrant() {
        assertRejected(() -> app.exchangeCode.exchange(exchange(publicClient, "not-a-code-we-issued")),
                ErrorCode.INVALID_GRANT);
    }

    @Test
    void exchangeWhenVerifierWrongOrMissingThenInvalidGrant() {
        String code = scenario.code(publicClient, account);
        String otherCode = scenario.code(publicClient, account);

        assertRejected(() -> app.exchangeCode.exchange(new ExchangeCodeCommand(credentials(publicClient), Optional.ofNullable(code),
                Optional.of(TestClients.REDIRECT_URI), Optional.of(TestCodes.VERIFIER.replace('d', 'e')))), ErrorCode.INVALID_GRANT);
        assertRejected(() -> app.exchangeCode.exchange(new ExchangeCodeCommand(credentials(publicClient), Optional.ofNullable(otherCode),
                Optional.of(TestClients.REDIRECT_URI), Optional.empty())), ErrorCode.INVALID_GRANT);
    }

    @Test
    void exchangeWhenRedirectUriDiffersThenInvalidGrant() {
        String code = scenario.code(publicClient, account);

        assertRejected(() -> app.exchangeCode.exchange(new ExchangeCodeCommand(credentials(publicClient), Optional.ofNullable(code),
                Optional.of(TestClients.REDIRECT_URI + "/other"), Optional.of(TestCodes.VERIFIER))), ErrorCode.INVALID_GRANT);
    }

    /** RFC 9700 §4.5: a leaked code presented by another client does not burn it for its own client. */
    @Test
    void exchangeWhenCodeIssuedToAnotherClientThenInvalidGrantAndItsClientStillRedeemsIt() {
        String code = scenario.code(publicClient, account);

        assertRejected(() -> app.exchangeCode.exchange(exchange(confidential, code)), ErrorCode.INVALID_GRANT);

        TokenResponse tokens = app.exchangeCode.exchange(exchange(publicClient, code));
        assertThat(app.describeToken.describe(Optional.of(tokens.accessToken())).account()).isEqualTo(account);
    }

    @Test
    void exchangeWhenCodeExpiredThenInvalidGrant() {
        String code = scenario.code(publicClient, account);
        app.clock.advance(app.policy.codeTtl());

        assertRejected(() -> app.exchangeCode.exchange(exchange(publicClient, code)), ErrorCode.INVALID_GRANT);
    }

    @Test
    void exchangeWhenCodeRedeemedJustBeforeExpiryThenTokens() {
        String code = scenario.code(publicClient, account);
        app.clock.advance(app.policy.codeTtl().minusMillis(1));

        assertThat(app.exchangeCode.exchange(exchange(publicClient, code)).accessToken()).isNotEmpty();
    }

    @Test
    void exchangeWhenAccountDisconnectedTheClientThenInvalidGrant() {
        String code = scenario.code(publicClient, account);
        app.disconnectClient.disconnect(Scenario.principal(account), publicClient.id().value());
        app.clock.advance(Duration.ofSeconds(1));

        assertRejected(() -> app.exchangeCode.exchange(exchange(publicClient, code)), ErrorCode.INVALID_GRANT);
    }

    @Test
    void exchangeWhenConfidentialClientSecretWrongOrMissingThenInvalidClient() {
        String code = scenario.code(confidential, account);
        String id = confidential.id().value();

        assertInvalidClient(new ClientCredentials(id, Optional.of("wrong-secret")), code);
        assertInvalidClient(new ClientCredentials(id, Optional.empty()), code);
        assertInvalidClient(new ClientCredentials(id, Optional.of("")), code);
        // The code survived the failed attempts: authentication comes before redemption.
        assertThat(app.exchangeCode.exchange(exchange(confidential, code)).accessToken()).isNotEmpty();
    }

    @Test
    void exchangeWhenClientUnknownOrMalformedThenInvalidClient() {
        String code = scenario.code(confidential, account);

        assertInvalidClient(new ClientCredentials("no-such-client", Optional.of(TestClients.SECRET)), code);
        assertInvalidClient(new ClientCredentials("no-such-client", Optional.empty()), code);
        assertInvalidClient(new ClientCredentials("bad id", Optional.of(TestClients.SECRET)), code);
    }

    @Test
    void exchangeWhenPublicClientPresentsSecretThenInvalidClient() {
        String code = scenario.code(publicClient, account);

        assertInvalidClient(new ClientCredentials(publicClient.id().value(), Optional.of("any-secret")), code);
    }

    @Test
    void exchangeWhenUnknownClientAndWrongSecretThenSameDescription() {
        String code = scenario.code(confidential, account);

        OAuthException unknown = rejection(new ClientCredentials("no-such-client", Optional.of("x")), code);
        OAuthException wrong = rejection(new ClientCredentials(confidential.id().value(), Optional.of("x")), code);

        assertThat(unknown.description()).isEqualTo(wrong.description());
    }

    @Test
    void exchangeWhen32ThreadsRedeemOneCodeWithoutRetryGraceThenExactlyOneSucceeds() throws Exception {
        Scenario strict = new Scenario(app.policy.withRetryGrace(Duration.ZERO));
        Client client = strict.publicClient();
        String code = strict.code(client, strict.customer());

        List<TokenResponse> succeeded = new ArrayList<>();
        List<ErrorCode> failures = new ArrayList<>();
        redeemConcurrently(strict, client, code, succeeded, failures);

        assertThat(succeeded).hasSize(1);
        assertThat(failures).hasSize(THREADS - 1).containsOnly(ErrorCode.INVALID_GRANT);
        // The 31 others were replays: the tokens of the one that won are revoked with the grant.
        assertRejected(() -> strict.app.describeToken.describe(Optional.of(succeeded.getFirst().accessToken())),
                ErrorCode.INVALID_TOKEN);
    }

    @Test
    void exchangeWhen32ThreadsRedeemOneCodeWithinTheGraceThenAtMostOnePairStaysUsable() throws Exception {
        String code = scenario.code(publicClient, account);

        List<TokenResponse> succeeded = new ArrayList<>();
        List<ErrorCode> failures = new ArrayList<>();
        redeemConcurrently(scenario, publicClient, code, succeeded, failures);

        // Same client, same verifier: each request that found the pair before it unused took it over
        // as a retry; one that lost such a takeover was a replay and revoked the grant.
        assertThat(succeeded).isNotEmpty();
        assertThat(failures).hasSize(THREADS - succeeded.size()).allMatch(ErrorCode.INVALID_GRANT::equals);
        long usable = succeeded.stream().filter(tokens -> isUsable(tokens.accessToken())).count();
        assertThat(usable).isEqualTo(failures.isEmpty() ? 1 : 0);
    }

    private boolean isUsable(String accessToken) {
        try {
            app.describeToken.describe(Optional.ofNullable(accessToken));
            return true;
        } catch (OAuthException rejected) {
            return false;
        }
    }

    @Test
    void exchangeWhenRetriedWithinTheGraceThenAFreshPairReplacesTheUnusedOneAndTheGrantStands() {
        String code = scenario.code(publicClient, account);
        TokenResponse lost = app.exchangeCode.exchange(exchange(publicClient, code));
        app.clock.advance(app.policy.retryGrace().minusSeconds(1));

        TokenResponse retried = app.exchangeCode.exchange(exchange(publicClient, code));

        assertThat(retried.refreshToken()).isPresent().isNotEqualTo(lost.refreshToken());
        assertThat(app.describeToken.describe(Optional.of(retried.accessToken())).account()).isEqualTo(account);
        assertThat(scenario.refresh(publicClient, retried.refreshToken().orElseThrow()).refreshToken()).isPresent();
        assertRejected(() -> app.describeToken.describe(Optional.of(lost.accessToken())), ErrorCode.INVALID_TOKEN);
        assertRejected(() -> scenario.refresh(publicClient, lost.refreshToken().orElseThrow()), ErrorCode.INVALID_GRANT);
        assertThat(app.ports.audit().recent(10)).noneMatch(event -> event.type().equals(AuditEventType.CODE_REPLAYED));
    }

    @Test
    void exchangeWhenRetriedAfterTheFirstRefreshTokenWasUsedThenReplayRevokesTheGrant() {
        String code = scenario.code(publicClient, account);
        TokenResponse first = app.exchangeCode.exchange(exchange(publicClient, code));
        TokenResponse refreshed = scenario.refresh(publicClient, first.refreshToken().orElseThrow());

        assertRejected(() -> app.exchangeCode.exchange(exchange(publicClient, code)), ErrorCode.INVALID_GRANT);

        assertRejected(() -> app.describeToken.describe(Optional.of(refreshed.accessToken())), ErrorCode.INVALID_TOKEN);
    }

    @Test
    void exchangeWhenRetriedWithAnotherVerifierOrRedirectUriThenReplayRevokesTheGrant() {
        String code = scenario.code(publicClient, account);
        TokenResponse first = app.exchangeCode.exchange(exchange(publicClient, code));

        assertRejected(() -> app.exchangeCode.exchange(new ExchangeCodeCommand(credentials(publicClient), Optional.ofNullable(code),
                Optional.of(TestClients.REDIRECT_URI), Optional.of(TestCodes.VERIFIER + "x"))), ErrorCode.INVALID_GRANT);

        assertRejected(() -> app.describeToken.describe(Optional.of(first.accessToken())), ErrorCode.INVALID_TOKEN);
        String other = scenario.code(publicClient, account);
        TokenResponse second = app.exchangeCode.exchange(exchange(publicClient, other));
        assertRejected(() -> app.exchangeCode.exchange(new ExchangeCodeCommand(credentials(publicClient), Optional.ofNullable(other),
                Optional.of("https://elsewhere.example.com/cb"), Optional.of(TestCodes.VERIFIER))), ErrorCode.INVALID_GRANT);
        assertRejected(() -> app.describeToken.describe(Optional.of(second.accessToken())), ErrorCode.INVALID_TOKEN);
    }

    /** A stranger presenting a redeemed code proves nothing against its client: the grant stands. */
    @Test
    void exchangeWhenRedeemedCodePresentedByAnotherClientThenInvalidGrantAndTheGrantStands() {
        String code = scenario.code(confidential, account);
        TokenResponse first = app.exchangeCode.exchange(exchange(confidential, code));

        assertRejected(() -> app.exchangeCode.exchange(exchange(scenario.confidentialClient(), code)),
                ErrorCode.INVALID_GRANT);

        assertThat(app.describeToken.describe(Optional.of(first.accessToken())).account()).isEqualTo(account);
    }

    private static final int THREADS = 32;

    private static void redeemConcurrently(Scenario on, Client client, String code, List<TokenResponse> succeeded,
                                           List<ErrorCode> failures) throws Exception {
        int threads = THREADS;
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<TokenResponse>> attempts = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            attempts.add(() -> {
                start.await();
                return on.app.exchangeCode.exchange(exchange(client, code));
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<TokenResponse>> results = attempts.stream().map(pool::submit).toList();
            start.countDown();
            for (Future<TokenResponse> result : results) {
                try {
                    succeeded.add(result.get());
                } catch (ExecutionException e) {
                    failures.add(((OAuthException) e.getCause()).errorCode());
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private void assertInvalidClient(ClientCredentials presented, String code) {
        assertThat(rejection(presented, code).errorCode()).isEqualTo(ErrorCode.INVALID_CLIENT);
    }

    private OAuthException rejection(ClientCredentials presented, String code) {
        try {
            app.exchangeCode.exchange(new ExchangeCodeCommand(presented, Optional.ofNullable(code), Optional.of(TestClients.REDIRECT_URI),
                    Optional.of(TestCodes.VERIFIER)));
        } catch (OAuthException e) {
            return e;
        }
        throw new AssertionError("Expected invalid_client for " + presented);
    }
}
