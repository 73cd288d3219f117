package dev.connect.oauth.adapter.persistence;

import dev.connect.oauth.testkit.fake.FakeClientKeysFetcher;
import dev.connect.oauth.testkit.fake.FakeClientSecretSealer;
import dev.connect.oauth.testkit.fake.FakeClientAssertionCodec;
import dev.connect.oauth.application.service.ClientAuthenticator;
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
import dev.connect.oauth.application.service.ExchangeCodeService;
import dev.connect.oauth.application.service.RefreshTokenService;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import dev.connect.oauth.testkit.contract.AccessTokenLookupContract;
import dev.connect.oauth.testkit.contract.AccountRepositoryContract;
import dev.connect.oauth.testkit.contract.ApiKeyRepositoryContract;
import dev.connect.oauth.testkit.contract.AttemptCounterStoreContract;
import dev.connect.oauth.testkit.contract.AuditLogContract;
import dev.connect.oauth.testkit.contract.AuthorizationCodeStoreContract;
import dev.connect.oauth.testkit.contract.ClientRepositoryContract;
import dev.connect.oauth.testkit.contract.DeviceAuthorizationStoreContract;
import dev.connect.oauth.testkit.contract.GrantRepositoryContract;
import dev.connect.oauth.testkit.contract.JtiStoreContract;
import dev.connect.oauth.testkit.contract.MaintenanceSwitchStoreContract;
import dev.connect.oauth.testkit.contract.SessionRepositoryContract;
import dev.connect.oauth.testkit.contract.ServerSecretRepositoryContract;
import dev.connect.oauth.testkit.contract.SigningKeyRepositoryContract;
import dev.connect.oauth.testkit.contract.StoreHealthContract;
import dev.connect.oauth.application.port.out.StorePorts;
import dev.connect.oauth.testkit.contract.PushedRequestStoreContract;
import dev.connect.oauth.testkit.contract.StorePurgeContract;
import dev.connect.oauth.testkit.contract.TokenRepositoryContract;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.connect.oauth.application.port.out.AuthorizationCodeStore.Redemption;
import dev.connect.oauth.application.port.out.BrowserSession;
import dev.connect.oauth.application.port.out.SigningKey;
import dev.connect.oauth.testkit.contract.StoreContract;
import dev.connect.oauth.testkit.testdata.TestAccounts;
import dev.connect.oauth.testkit.testdata.TestClients;
import dev.connect.oauth.testkit.testdata.TestCodes;
import dev.connect.oauth.testkit.testdata.TestGrants;
import dev.connect.oauth.testkit.testdata.TestIds;
import dev.connect.oauth.testkit.testdata.TestTokens;
import dev.connect.oauth.domain.AccessToken;
import dev.connect.oauth.domain.Account;
import dev.connect.oauth.domain.ApiKey;
import dev.connect.oauth.domain.ApiKeyId;
import dev.connect.oauth.domain.AuthorizationCode;
import dev.connect.oauth.domain.Client;
import dev.connect.oauth.domain.ErrorCode;
import dev.connect.oauth.domain.Grant;
import dev.connect.oauth.domain.IssuedApiKey;
import dev.connect.oauth.domain.OAuthException;
import dev.connect.oauth.domain.RefreshToken;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Everything the adapter promises, on one database engine: the application's port contract
 * suite, two nodes racing on one database, and no secret at rest. One database per run, created
 * and migrated once, with every table emptied before each test (the contracts want an empty
 * store). Subclasses choose the engine.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DatabaseSuite {
    private TestDatabase database;
    private PersistenceAdapter adapter;

    /** A fresh database of the engine under test. */
    abstract TestDatabase createDatabase();

    @BeforeAll
    final void openDatabase() {
        database = createDatabase();
        adapter = PersistenceAdapter.open(database.settings());
    }

    @AfterAll
    final void closeDatabase() {
        if (adapter != null) {
            adapter.close();
        }
        if (database != null) {
            database.close();
        }
    }

    private StorePorts emptyStore() {
        TestTables.deleteAllRows(database.settings());
        return TestDatabase.portsOf(adapter);
    }

    @Nested
    class Clients extends ClientRepositoryContract {
        @Override
        protected StorePorts openStore() {
            return emptyStore();
        }
    }

    @Nested
    class Accounts extends AccountRepositoryContract {
        @Override
        protected StorePorts openStore() {
            return emptyStore();
        }
    }

    @Nested
    class ApiKeys extends ApiKeyRepositoryContract {
        @Override
        protected StorePorts openStore() {
            return emptyStore();
        }
    }

    @Nested
    class Grants extends GrantRepositoryContract {
        @Override
        protected StorePorts openStore() {
            return emptyStore();
        }
    }

    @Nested
    class AuthorizationCodes extends AuthorizationCodeStoreContract {
        @Override
        protected StorePorts openStore() {
            return emptyStore();
        }
    }

    @Nested
    class DeviceAuthorizations extends DeviceAuthorizationStoreContract {
        @Override
        protected StorePorts openStore() {
            return emptyStore();
        }
    }

    @Nested
    class Tokens extends TokenRepositoryContract {
        @Override
        protected StorePorts openStore() {
            return emptyStore();
        }
    }

    @Nested
    class AccessTokenLookups extends AccessTokenLookupContract {
        @Override
        protected StorePorts openStore() {
            return emptyStore();
        }
    }

    @Nested
    class Sessions extends SessionRepositoryContract {
        @Override
        protected StorePorts openStore() {
            return emptyStore();
        }
    }

    @Nested
    class SigningKeys extends SigningKeyRepositoryContract {
        @Override
        protected StorePorts openStore() {
            return emptyStore();
        }
    }

    @Nested
    class ServerSecrets extends ServerSecretRepositoryContract {
        @Override
        protected StorePorts openStore() {
            return emptyStore();
        }
    }

    @Nested
    class PushedRequests extends PushedRequestStoreContract {
        @Override
        protected StorePorts openStore() {
            return emptyStore();
        }
    }

    @Nested
    class Purge extends StorePurgeContract {
        @Override
        protected StorePorts openStore() {
            return emptyStore();
        }
    }

    @Nested
    class Audit extends AuditLogContract {
        @Override
        protected StorePorts openStore() {
            return emptyStore();
        }
    }

    @Nested
    class Maintenance extends MaintenanceSwitchStoreContract {
        @Override
        protected StorePorts openStore() {
            return emptyStore();
        }
    }

    @Nested
    class Attempts extends AttemptCounterStoreContract {
        @Override
        protected StorePorts openStore() {
            return emptyStore();
        }
    }

    @Nested
    class Jtis extends JtiStoreContract {
        @Override
        protected StorePorts openStore() {
            return emptyStore();
        }
    }

    @Nested
    class Health extends StoreHealthContract {
        @Override
        protected StorePorts openStore() {
            return emptyStore();
        }
    }

    /**
     * Two nodes sharing one database, each with a pool of its own, racing {@link StoreContract#RACERS}
     * threads (half on each node) for one code, one refresh token or one email. Tagged, so that
     * they can be run alone and repeatedly: {@code mvn -pl adapter-persistence test
     * -Dtest='MariaDb*' -Dgroups=two-nodes}.
     */
    @Nested
    @Tag("two-nodes")
    class TwoNodes extends StoreContract {
        private static final int POOL_SIZE = RACERS / 2;
        private PersistenceAdapter nodeA;
        private PersistenceAdapter nodeB;

        @Override
        protected StorePorts openStore() {
            emptyStore();
            nodeA = openNode(database.settings());
            return TestDatabase.portsOf(nodeA);
        }

        @BeforeEach
        void openSecondNode() {
            nodeB = openNode(database.secondNodeSettings());
        }

        @AfterEach
        void closeNodes() {
            nodeB.close();
            nodeA.close();
        }

        private PersistenceAdapter openNode(DatabaseSettings shared) {
            return PersistenceAdapter.open(new DatabaseSettings(shared.jdbcUrl(), shared.user(), shared.password(),
                    POOL_SIZE, shared.connectionTimeout(), shared.socketTimeout()));
        }

        private StorePorts node(int racer) {
            return TestDatabase.portsOf(racer % 2 == 0 ? nodeA : nodeB);
        }

        @Test
        void redeemWhenRacedFromTwoNodesThenOneWinnerWhoseTokensTheGrantRevocationRevokes() throws Exception {
            Grant grant = storedGrant();
            AuthorizationCode code = TestCodes.from(grant).build();
            store.codes().add(code);

            List<Redemption> outcomes = race(racer -> node(racer).codes().redeem(code.hash(), code.clientId(), at(1_000 + racer)));

            assertThat(outcomes).filteredOn(Redemption.Redeemed.class::isInstance).hasSize(1);
            assertThat(outcomes).filteredOn(Redemption.AlreadyRedeemed.class::isInstance).hasSize(RACERS - 1);
            int winner = outcomes.indexOf(outcomes.stream().filter(Redemption.Redeemed.class::isInstance).findFirst()
                    .orElseThrow());
            RefreshToken refreshToken = TestTokens.refresh(grant).build();
            AccessToken accessToken = TestTokens.access(grant).with(refreshToken).build();
            node(winner).tokens().add(accessToken, Optional.of(refreshToken));

            // A loser's replay makes the service revoke the grant, here from the other node.
            node(winner + 1).grants().revoke(grant.id(), at(5_000));

            for (StorePorts node : List.of(node(0), node(1))) {
                assertThat(node.tokens().findAccessToken(accessToken.hash()).orElseThrow().revokedAt()).contains(at(5_000));
                assertThat(node.tokens().findRefreshToken(refreshToken.hash()).orElseThrow().revokedAt()).contains(at(5_000));
            }
            RefreshToken successor = TestTokens.refresh(grant).parent(refreshToken).build();
            assertThat(node(winner).tokens().rotate(refreshToken.id(), at(6_000),
                    TestTokens.access(grant).with(successor).build(), successor)).isFalse();
        }

        @Test
        void rotateWhenRacedFromTwoNodesThenOneSuccessorWhoseFamilyTheGrantRevocationRevokes() throws Exception {
            Grant grant = storedGrant();
            RefreshToken original = TestTokens.refresh(grant).build();
            store.tokens().add(TestTokens.access(grant).with(original).build(), Optional.of(original));
            List<RefreshToken> successors = new ArrayList<>();
            List<AccessToken> accessTokens = new ArrayList<>();
            for (int racer = 0; racer < RACERS; racer++) {
                RefreshToken successor = TestTokens.refresh(grant).parent(original).issuedAt(at(1_000)).build();
                successors.add(successor);
                accessTokens.add(TestTokens.access(grant).with(successor).issuedAt(at(1_000)).build());
            }

            List<Boolean> rotated = race(racer -> node(racer).tokens().rotate(original.id(), at(1_000),
                    accessTokens.get(racer), successors.get(racer)));

            assertThat(rotated).containsOnlyOnce(true);
            int winner = rotated.indexOf(true);
            for (int racer = 0; racer < RACERS; racer++) {
                assertThat(store.tokens().findRefreshToken(successors.get(racer).hash())).as("successor of racer %d", racer)
                        .isEqualTo(racer == winner ? Optional.of(successors.get(racer)) : Optional.empty());
                assertThat(store.tokens().findAccessToken(accessTokens.get(racer).hash())).as("access token of racer %d", racer)
                        .isEqualTo(racer == winner ? Optional.of(accessTokens.get(racer)) : Optional.empty());
            }
            assertThat(store.tokens().findRefreshToken(original.hash()).orElseThrow().retiredAt()).contains(at(1_000));

            // The losers replayed a retired token: the service revokes the family, from the other node.
            node(winner + 1).grants().revoke(grant.id(), at(2_000));

            for (StorePorts node : List.of(node(0), node(1))) {
                assertThat(node.tokens().findRefreshToken(successors.get(winner).hash()).orElseThrow().isActive(at(2_001)))
                        .isFalse();
                assertThat(node.tokens().findAccessToken(accessTokens.get(winner).hash()).orElseThrow().isActive(at(2_001)))
                        .isFalse();
            }
            RefreshToken next = TestTokens.refresh(grant).parent(successors.get(winner)).build();
            assertThat(node(winner).tokens().rotate(successors.get(winner).id(), at(3_000),
                    TestTokens.access(grant).with(next).build(), next)).isFalse();
        }

        /**
         * The issue's race, through the real service on both nodes: every loser is a replayer
         * (no retry grace) that revokes the grant with a clock reading earlier than the winner's, as
         * a node whose clock lags would. The database orders them, so every round has its winner.
         */
        @Test
        void exchangeWhenRacedFromTwoNodesWithSkewedClocksThenExactlyOneWinnerEveryRound() throws Exception {
            oneWinnerEveryRound("code", "invalid_grant", () -> {
                Client client = storedClient();
                TestCodes.Builder code = TestCodes.from(storedGrant(client, storedAccount()));
                store.codes().add(code.build());
                ExchangeCodeCommand command = new ExchangeCodeCommand(secretOf(client), Optional.of(code.value()),
                        Optional.of(TestClients.REDIRECT_URI), Optional.of(TestCodes.VERIFIER));
                return racer -> exchangeOn(racer).exchange(command);
            });
        }

        /** The same for a refresh token: one rotation wins every round, the replays revoke, nothing fails. */
        @Test
        void refreshWhenRacedFromTwoNodesThenExactlyOneWinnerEveryRound() throws Exception {
            oneWinnerEveryRound("refresh", "invalid_grant", () -> {
                Client client = storedClient();
                Grant grant = storedGrant(client, storedAccount());
                TestTokens.RefreshTokenBuilder refresh = TestTokens.refresh(grant);
                store.tokens().add(TestTokens.access(grant).with(refresh.build()).build(), Optional.of(refresh.build()));
                RefreshTokenCommand command = new RefreshTokenCommand(secretOf(client), Optional.of(refresh.value()), Optional.empty());
                return racer -> refreshOn(racer).refresh(command);
            });
        }

        @Test
        void addAccountWhenSameEmailRacedFromTwoNodesThenOneWinnerEveryRound() throws Exception {
            oneWinnerEveryRound("email", ErrorCode.EMAIL_EXISTS.error(), () -> {
                String email = "race-" + TestIds.identifier().toLowerCase(Locale.ROOT).replace('_', 'x') + "@example.com";
                return racer -> {
                    Account racing = TestAccounts.customer().email(email).build();
                    node(racer).accounts().add(racing, TestAccounts.keyOf(racing));
                    return racing;
                };
            });
        }

        /**
         * {@link #ROUNDS} races of {@link #RACERS}, each set up afresh by {@code round}: exactly one
         * racer wins every round, and every other one fails with {@code loss}, never with anything
         * else (a would-be 500 or 503). Prints the tally.
         */
        private void oneWinnerEveryRound(String what, String loss, Supplier<Racer<?>> round) throws Exception {
            Map<String, Integer> figures = new TreeMap<>();
            for (int number = 0; number < ROUNDS; number++) {
                Racer<?> racing = round.get();

                List<String> outcomes = race(racer -> outcomeOf(() -> racing.run(racer)));

                outcomes.forEach(outcome -> figures.merge(outcome, 1, Integer::sum));
                assertThat(outcomes).as("round %d", number).containsOnlyOnce(WON)
                        .allMatch(outcome -> outcome.equals(WON) || outcome.equals(loss));
            }
            System.out.println("Two-node " + what + " races (" + nodeNames() + "), " + ROUNDS + " rounds of " + RACERS
                    + ": " + figures);
        }

        /**
         * Causal reads: a token stored through node A is found at once through node B, every time
         * (on Galera thanks to {@code wsrep_sync_wait}).
         */
        @Test
        void findWhenStoredThroughOneNodeThenFoundAtOnceThroughTheOther() {
            Grant grant = storedGrant();
            int missing = 0;
            long started = System.nanoTime();
            for (int i = 0; i < CAUSAL_READS; i++) {
                AccessToken token = TestTokens.access(grant).build();
                nodeA.tokens().add(token, Optional.empty());
                if (nodeB.tokens().findAccessToken(token.hash()).isEmpty()) {
                    missing++;
                }
            }
            long micros = (System.nanoTime() - started) / 1_000 / CAUSAL_READS;
            System.out.println("Causal reads (" + nodeNames() + "): " + missing + " of " + CAUSAL_READS
                    + " missing; " + micros + " us per write on A + read on B");
            assertThat(missing).isZero();
        }

        private static final String WON = "200";
        private static final int ROUNDS = Integer.getInteger("races.rounds", 10);
        private static final int CAUSAL_READS = 200;
        private final FakeAccessTokenCodec codec = new FakeAccessTokenCodec();
        private final FakeSecretGenerator generator = new FakeSecretGenerator();
        private final FakeSecretHasher hasher = new FakeSecretHasher();
        private final OAuthPolicy replaysOnly = OAuthPolicy.defaults("http://localhost").withRetryGrace(Duration.ZERO);

        private String nodeNames() {
            return database.settings().jdbcUrl().replaceAll("/[^/]*$", "") + " and "
                    + database.secondNodeSettings().jdbcUrl().replaceAll("/[^/]*$", "");
        }

        /** Node A's clock reads 1 s after node B's. */
        private Clock clockOf(int racer) {
            return Clock.fixed(at(racer % 2 == 0 ? 2_000 : 1_000), ZoneOffset.UTC);
        }

        private ExchangeCodeUseCase exchangeOn(int racer) {
            PersistenceAdapter node = racer % 2 == 0 ? nodeA : nodeB;
            return new ExchangeCodeService(new ClientAuthenticator(node.clients(), hasher, new FakeClientAssertionCodec(), new FakeClientSecretSealer(),
                    new FakeClientKeysFetcher(), node.jtis(), clockOf(racer), replaysOnly), node.authorizationCodes(), node.grants(), node.tokens(),
                    codec, generator, hasher, node.auditLog(), clockOf(racer), replaysOnly, new FakeIdTokenSigner(),
                    new FakePairwiseSubjects(), dpopProofs(node, clockOf(racer)));
        }

        private RefreshTokenUseCase refreshOn(int racer) {
            PersistenceAdapter node = racer % 2 == 0 ? nodeA : nodeB;
            return new RefreshTokenService(new ClientAuthenticator(node.clients(), hasher, new FakeClientAssertionCodec(), new FakeClientSecretSealer(),
                    new FakeClientKeysFetcher(), node.jtis(), clockOf(racer), replaysOnly), node.grants(), node.tokens(), codec, generator, hasher,
                    node.auditLog(), clockOf(racer), replaysOnly, new FakeIdTokenSigner(), new FakePairwiseSubjects(),
                    dpopProofs(node, clockOf(racer)));
        }

        /** The DPoP checks of a node; these races send no proof. */
        private DpopProofs dpopProofs(PersistenceAdapter node, Clock clock) {
            return new DpopProofs(new FakeDpopProofReader(), new FakeDpopNonceCodec(), node.jtis(), hasher, clock,
                    DpopPolicy.defaults());
        }

        private static ClientCredentials secretOf(Client client) {
            return new ClientCredentials(client.id().value(), Optional.of(TestClients.SECRET));
        }

        /** {@link #WON}, the OAuth error's name, or the class of any other failure (a would-be 500 or 503). */
        private static String outcomeOf(Callable<?> call) {
            try {
                call.call();
                return WON;
            } catch (OAuthException rejected) {
                return rejected.errorCode().error();
            } catch (Exception failure) {
                return failure.getClass().getSimpleName();
            }
        }
    }

    /**
     * Secrets at rest: after a flow through every port that takes a secret's hash, no column of any
     * table holds a secret's plaintext, while the hashes are there (so the scan reads real data).
     */
    @Nested
    class NoSecretAtRest extends StoreContract {
        @Override
        protected StorePorts openStore() {
            return emptyStore();
        }

        @Test
        void whenFullFlowStoredThenNoTableHoldsAPlaintextSecret() throws SQLException {
            String clientSecret = TestIds.secret();
            Client client = TestClients.confidential().secret(clientSecret).build();
            store.clients().add(client);
            Account account = TestAccounts.customer().build();
            String apiKey = ApiKey.PREFIX + TestIds.secret();
            store.accounts().add(account, IssuedApiKey.issue(new ApiKeyId(TestIds.identifier()), account.id(),
                    TestIds.hashOf(apiKey), at(3)));
            Grant grant = TestGrants.of(client, account);
            store.grants().add(grant);
            TestCodes.Builder code = TestCodes.from(grant);
            store.codes().add(code.build());
            store.codes().redeem(code.build().hash(), code.build().clientId(), at(1));
            TestTokens.RefreshTokenBuilder refresh = TestTokens.refresh(grant);
            TestTokens.AccessTokenBuilder access = TestTokens.access(grant).with(refresh.build());
            store.tokens().add(access.build(), Optional.of(refresh.build()));
            TestTokens.RefreshTokenBuilder nextRefresh = TestTokens.refresh(grant).parent(refresh.build());
            TestTokens.AccessTokenBuilder nextAccess = TestTokens.access(grant).with(nextRefresh.build());
            store.tokens().rotate(refresh.build().id(), at(2), nextAccess.build(), nextRefresh.build());
            String sessionCookie = TestIds.secret();
            store.sessions().add(new BrowserSession(TestIds.hashOf(sessionCookie), account.id(), at(4),
                    at(4).plus(Duration.ofHours(1))));
            List<String> hashedSecrets = List.of(clientSecret, code.value(), refresh.value(), access.value(),
                    nextRefresh.value(), nextAccess.value(), apiKey, sessionCookie);
            // The crypto adapter hands the store the private key sealed; the store keeps it as given.
            String sealedKey = "A256GCM.kek-id.bm9uY2U." + TestIds.secret();
            store.signingKeys().add(new SigningKey(TestIds.identifier(), "ES256", sealedKey, at(5), Optional.empty()));

            List<String> stored = SecretsAtRest.everyStoredText(database.settings());

            assertThat(stored).as("the sealed signing key, and no private JWK member anywhere").contains(sealedKey)
                    .noneMatch(value -> value.contains("\"d\"") || value.contains("\"kty\""));

            for (String secret : hashedSecrets) {
                assertThat(stored).as("stored text values").noneMatch(value -> value.contains(secret));
                assertThat(stored).as("stored text values").contains(TestIds.hashOf(secret).hex());
            }
            assertThat(stored).as("stored text values").noneMatch(value -> value.contains(TestAccounts.PASSWORD));
        }
    }

    /**
     * The adapter tells which unique key an account violated by the key's name in the database's
     * message, which also quotes the duplicate value: an email that spells a key's name must not
     * mislead it.
     */
    @Nested
    class AccountConflicts extends StoreContract {
        @Override
        protected StorePorts openStore() {
            return emptyStore();
        }

        @Test
        void addWhenPhoneTakenAndEmailSpellsTheEmailKeyThenPhoneExists() {
            storedAccount(TestAccounts.customer().phone("+14155550100").build());
            Account second = TestAccounts.customer().email("uk_accounts_email@example.com").phone("+14155550100").build();

            assertThatThrownBy(() -> store.accounts().add(second, TestAccounts.keyOf(second))).isInstanceOfSatisfying(OAuthException.class,
                    e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.PHONE_EXISTS));
            assertThat(store.accounts().findById(second.id())).isEmpty();
        }

        @Test
        void addWhenEmailTakenAndSpellsThePhoneKeyThenEmailExists() {
            storedAccount(TestAccounts.customer().email("uk_accounts_phone@example.com").build());
            Account second = TestAccounts.customer().email("uk_accounts_phone@example.com").build();

            assertThatThrownBy(() -> store.accounts().add(second, TestAccounts.keyOf(second))).isInstanceOfSatisfying(OAuthException.class,
                    e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.EMAIL_EXISTS));
            assertThat(store.accounts().findById(second.id())).isEmpty();
        }
    }
}
