package dev.connect.oauth.adapter.persistence;

import dev.connect.oauth.testkit.fake.FakeClientKeysFetcher;
import dev.connect.oauth.testkit.fake.FakeClientSecretSealer;
import dev.connect.oauth.testkit.fake.FakeClientAssertionCodec;
import dev.connect.oauth.application.service.ClientAuthenticator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.connect.oauth.adapter.persistence.TcpProxy.CommitFault;
import dev.connect.oauth.application.OAuthPolicy;
import dev.connect.oauth.testkit.fake.FakeAccessTokenCodec;
import dev.connect.oauth.testkit.fake.FakeIdTokenSigner;
import dev.connect.oauth.testkit.fake.FakePairwiseSubjects;
import dev.connect.oauth.testkit.fake.FakeDpopNonceCodec;
import dev.connect.oauth.testkit.fake.FakeDpopProofReader;
import dev.connect.oauth.application.DpopPolicy;
import dev.connect.oauth.application.service.DpopProofs;
import dev.connect.oauth.testkit.fake.FakeSecretGenerator;
import dev.connect.oauth.testkit.fake.FakeSecretHasher;
import dev.connect.oauth.application.port.in.ClientCredentials;
import dev.connect.oauth.application.port.in.ExchangeCodeCommand;
import dev.connect.oauth.application.port.in.ExchangeCodeUseCase;
import dev.connect.oauth.application.port.in.RefreshTokenCommand;
import dev.connect.oauth.application.port.in.RefreshTokenUseCase;
import dev.connect.oauth.application.port.in.TokenResponse;
import dev.connect.oauth.application.port.out.StoreUnavailableException;
import dev.connect.oauth.application.service.ExchangeCodeService;
import dev.connect.oauth.application.service.RefreshTokenService;
import dev.connect.oauth.application.service.TokenKeys;
import dev.connect.oauth.domain.Account;
import dev.connect.oauth.domain.Client;
import dev.connect.oauth.domain.ErrorCode;
import dev.connect.oauth.domain.Grant;
import dev.connect.oauth.domain.OAuthException;
import dev.connect.oauth.testkit.testdata.MutableClock;
import dev.connect.oauth.testkit.testdata.TestAccounts;
import dev.connect.oauth.testkit.testdata.TestClients;
import dev.connect.oauth.testkit.testdata.TestCodes;
import dev.connect.oauth.testkit.testdata.TestGrants;
import dev.connect.oauth.testkit.testdata.TestTokens;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The ambiguous commit on the real MariaDB: a {@link TcpProxy} between the node and the server
 * lets a refresh rotation's (or a code exchange's) {@code COMMIT} through, then stalls the link,
 * with the acknowledgement forwarded or lost. The client's retry with the same credential must get
 * a working pair and leave the grant standing; real reuse must still revoke it. The node runs the
 * real services on the jOOQ adapter with the default timeouts; the times are printed. The stalled
 * link is never restored: the pool drops its connection when the socket times out, and the driver's
 * close ends the link, while the node's other connections go on working.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MariaDbAmbiguousCommitTest {
    private final MutableClock clock = new MutableClock();
    private final FakeSecretHasher hasher = new FakeSecretHasher();
    private final OAuthPolicy policy = OAuthPolicy.defaults("http://localhost");
    private TestDatabase database;
    private PersistenceAdapter direct;
    private TcpProxy proxy;
    private PersistenceAdapter node;
    private RefreshTokenUseCase refresh;
    private ExchangeCodeUseCase exchange;

    @BeforeAll
    void open() throws IOException {
        database = MariaDbTestDatabase.create();
        direct = PersistenceAdapter.open(database.settings());
        proxy = TcpProxy.start(MariaDbTestDatabase.HOST, database.serverPort());
        DatabaseSettings settings = database.settings();
        node = PersistenceAdapter.open(DatabaseSettings.of(database.urlThrough(proxy.port()), settings.user(),
                settings.password()));
        FakeAccessTokenCodec codec = new FakeAccessTokenCodec();
        FakeSecretGenerator generator = new FakeSecretGenerator();
        DpopProofs noProofsSent = new DpopProofs(new FakeDpopProofReader(), new FakeDpopNonceCodec(), node.jtis(), hasher,
                clock, DpopPolicy.defaults());
        refresh = new RefreshTokenService(new ClientAuthenticator(node.clients(), hasher, new FakeClientAssertionCodec(), new FakeClientSecretSealer(),
                    new FakeClientKeysFetcher(), node.jtis(), clock, policy), node.grants(), node.tokens(), codec, generator, hasher,
                node.auditLog(), clock, policy, new FakeIdTokenSigner(), new FakePairwiseSubjects(), noProofsSent);
        exchange = new ExchangeCodeService(new ClientAuthenticator(node.clients(), hasher, new FakeClientAssertionCodec(), new FakeClientSecretSealer(),
                    new FakeClientKeysFetcher(), node.jtis(), clock, policy), node.authorizationCodes(), node.grants(), node.tokens(),
                codec, generator, hasher, node.auditLog(), clock, policy, new FakeIdTokenSigner(),
                new FakePairwiseSubjects(), noProofsSent);
        warmUp();
    }

    /** One exchange and one refresh without a fault, so that the times printed hold no warm-up. */
    private void warmUp() {
        TestCodes.Builder code = TestCodes.from(storedGrant());
        direct.authorizationCodes().add(code.build());
        TokenResponse tokens = exchange.exchange(new ExchangeCodeCommand(credentials(), Optional.of(code.value()),
                Optional.of(TestClients.REDIRECT_URI), Optional.of(TestCodes.VERIFIER)));
        refresh.refresh(new RefreshTokenCommand(credentials(), Optional.of(tokens.refreshToken().orElseThrow()), Optional.empty()));
    }

    @AfterAll
    void close() throws IOException {
        if (node != null) {
            node.close();
        }
        if (proxy != null) {
            proxy.close();
        }
        if (direct != null) {
            direct.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void refreshWhenTheCommitAnswerIsLostThenTheRetryGetsAWorkingPairAndRealReuseStillRevokes() {
        Grant grant = storedGrant();
        TestTokens.RefreshTokenBuilder issued = TestTokens.refresh(grant);
        direct.tokens().add(TestTokens.access(grant).with(issued.build()).build(), Optional.of(issued.build()));
        RefreshTokenCommand command = new RefreshTokenCommand(credentials(), Optional.of(issued.value()), Optional.empty());
        proxy.failNextCommit(CommitFault.LOSE_ANSWER);

        long started = System.nanoTime();
        assertThatThrownBy(() -> refresh.refresh(command)).isInstanceOf(StoreUnavailableException.class);
        long unavailableAfter = millisSince(started);
        clock.advance(Duration.ofSeconds(2));
        TokenResponse retried = timed("refresh retry", () -> refresh.refresh(command));

        assertWorks(retried);
        assertThat(direct.grants().findById(grant.id()).orElseThrow().isActive()).isTrue();
        System.out.println("Ambiguous commit of a refresh (answer lost): StoreUnavailableException (503) after "
                + unavailableAfter + " ms; the retry with the same refresh token answered 200");

        // The retried pair was used: the original token presented again is real reuse.
        clock.advance(Duration.ofSeconds(1));
        assertThatThrownBy(() -> refresh.refresh(command)).isInstanceOfSatisfying(OAuthException.class,
                e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_GRANT));
        assertThat(direct.grants().findById(grant.id()).orElseThrow().isActive()).isFalse();
    }

    @Test
    void refreshWhenTheLinkStallsRightAfterTheCommitAnswerThenAnsweredWithoutWaiting() {
        Grant grant = storedGrant();
        TestTokens.RefreshTokenBuilder issued = TestTokens.refresh(grant);
        direct.tokens().add(TestTokens.access(grant).with(issued.build()).build(), Optional.of(issued.build()));
        proxy.failNextCommit(CommitFault.STALL_AFTER_ANSWER);

        TokenResponse rotated = timed("refresh whose link stalls after the COMMIT answer",
                () -> refresh.refresh(new RefreshTokenCommand(credentials(), Optional.of(issued.value()), Optional.empty())));

        assertThat(direct.tokens().findRefreshToken(TokenKeys.of(rotated.refreshToken().orElseThrow(), hasher))).isPresent();
    }

    @Test
    void exchangeWhenTheCommitAnswerIsLostThenTheRetryGetsAWorkingPairAndTheGrantStands() {
        Grant grant = storedGrant();
        TestCodes.Builder code = TestCodes.from(grant);
        direct.authorizationCodes().add(code.build());
        ExchangeCodeCommand command = new ExchangeCodeCommand(credentials(), Optional.of(code.value()), Optional.of(TestClients.REDIRECT_URI),
                Optional.of(TestCodes.VERIFIER));
        proxy.failNextCommit(CommitFault.LOSE_ANSWER);

        long started = System.nanoTime();
        assertThatThrownBy(() -> exchange.exchange(command)).isInstanceOf(StoreUnavailableException.class);
        long unavailableAfter = millisSince(started);
        clock.advance(Duration.ofSeconds(2));
        TokenResponse retried = timed("code exchange retry", () -> exchange.exchange(command));

        assertWorks(retried);
        assertThat(direct.grants().findById(grant.id()).orElseThrow().isActive()).isTrue();
        System.out.println("Ambiguous commit of a code exchange (answer lost): StoreUnavailableException (503) after "
                + unavailableAfter + " ms; the retry with the same code and verifier answered 200");
    }

    private Client client;

    /** What the client of the latest {@link #storedGrant()} presents. */
    private ClientCredentials credentials() {
        return new ClientCredentials(client.id().value(), Optional.of(TestClients.SECRET));
    }

    private Grant storedGrant() {
        client = TestClients.confidential().build();
        direct.clients().add(client);
        Account account = TestAccounts.customer().build();
        direct.accounts().add(account, TestAccounts.keyOf(account));
        Grant grant = TestGrants.of(client, account);
        direct.grants().add(grant);
        return grant;
    }

    /** The pair works: its access token is active, and its refresh token rotates. */
    private void assertWorks(TokenResponse tokens) {
        assertThat(direct.tokens().findAccessToken(TokenKeys.of(tokens.accessToken(), hasher)).orElseThrow()
                .isActive(clock.instant())).isTrue();
        clock.advance(Duration.ofSeconds(1));
        TokenResponse next = refresh.refresh(new RefreshTokenCommand(credentials(),
                Optional.of(tokens.refreshToken().orElseThrow()), Optional.empty()));
        assertThat(next.refreshToken()).isPresent();
    }

    private static <T> T timed(String what, Callable<T> call) {
        long started = System.nanoTime();
        try {
            return call.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            System.out.println(what + ": " + millisSince(started) + " ms");
        }
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}
