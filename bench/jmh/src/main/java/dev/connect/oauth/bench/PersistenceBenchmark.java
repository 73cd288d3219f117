package dev.connect.oauth.bench;

import dev.connect.oauth.adapter.persistence.PersistenceAdapter;
import dev.connect.oauth.application.port.out.AuthorizationCodeStore.Redemption;
import dev.connect.oauth.domain.AccessToken;
import dev.connect.oauth.domain.Account;
import dev.connect.oauth.domain.AccountId;
import dev.connect.oauth.domain.ApiKeyId;
import dev.connect.oauth.domain.AuthorizationCode;
import dev.connect.oauth.domain.Client;
import dev.connect.oauth.domain.ClientId;
import dev.connect.oauth.domain.ClientType;
import dev.connect.oauth.domain.Email;
import dev.connect.oauth.domain.Grant;
import dev.connect.oauth.domain.GrantId;
import dev.connect.oauth.domain.IssuedApiKey;
import dev.connect.oauth.domain.PkceChallenge;
import dev.connect.oauth.domain.PkceMethod;
import dev.connect.oauth.domain.RedirectUri;
import dev.connect.oauth.domain.RefreshToken;
import dev.connect.oauth.domain.Role;
import dev.connect.oauth.domain.ScopeSet;
import dev.connect.oauth.domain.SecretHash;
import dev.connect.oauth.domain.TokenId;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The database work of the token endpoint's hot paths, through the persistence adapter's ports
 * on MariaDB: redeeming an authorization code and storing the token pair it buys, rotating a
 * refresh token (retire the old one, store the successor pair, in one transaction), and finding
 * an access token by the hash of its value (what {@code /info}, introspection and revocation do)
 * among {@value #STORED_ACCESS_TOKENS} stored ones.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1, time = 5)
@Measurement(iterations = 2, time = 5)
@Fork(1)
public class PersistenceBenchmark {
    static final int STORED_ACCESS_TOKENS = 10_000;
    private static final int POOL_SIZE = 8;
    private static final Instant NOW = Instant.parse("2025-01-15T10:00:00Z");
    private static final ScopeSet SCOPES = ScopeSet.parse("connect triggers");
    private static final RedirectUri REDIRECT_URI = RedirectUri.parse("https://app.example.com/callback");
    private static final PkceChallenge CHALLENGE =
            new PkceChallenge("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", PkceMethod.S256);

    /** One database with a client, an account and a grant, shared by every thread. */
    @State(Scope.Benchmark)
    public static class Store {
        BenchDatabase database;
        PersistenceAdapter adapter;
        Grant grant;

        @Setup(Level.Trial)
        public void open() throws SQLException {
            database = new BenchDatabase();
            adapter = PersistenceAdapter.open(database.settings(POOL_SIZE));
            Client client = new Client(new ClientId(id()), "Benchmark client", ClientType.CONFIDENTIAL,
                    Optional.of(randomHash()), List.of(REDIRECT_URI), SCOPES, NOW);
            adapter.clients().add(client);
            Account account = new Account(new AccountId(id()), Email.parse("bench-" + id() + "@example.com"),
                    Optional.empty(), "Benchmark account", Role.CUSTOMER, Optional.empty(), NOW);
            adapter.accounts().add(account, IssuedApiKey.issue(new ApiKeyId(id()), account.id(), randomHash(), NOW));
            grant = Grant.of(new GrantId(id()), client.id(), Optional.of(account.id()), SCOPES, NOW);
            adapter.grants().add(grant);
        }

        @TearDown(Level.Trial)
        public void close() throws SQLException {
            adapter.close();
            database.close();
        }
    }

    /** The access tokens a lookup picks from, stored once for the lookup benchmark only. */
    @State(Scope.Benchmark)
    public static class StoredAccessTokens {
        List<SecretHash> hashes;

        @Setup(Level.Trial)
        public void store(Store store) {
            hashes = Stream.generate(() -> accessToken(store.grant, Optional.empty()))
                    .limit(STORED_ACCESS_TOKENS)
                    .peek(token -> store.adapter.tokens().add(token, Optional.empty()))
                    .map(AccessToken::hash)
                    .toList();
        }
    }

    /** A fresh, unredeemed code before every call, so that each call redeems one. */
    @State(Scope.Thread)
    public static class IssuedCode {
        AuthorizationCode code;

        @Setup(Level.Invocation)
        public void issue(Store store) {
            code = AuthorizationCode.issue(randomHash(), store.grant.id(), store.grant.clientId(),
                    store.grant.accountId().orElseThrow(), REDIRECT_URI, SCOPES, Optional.of(CHALLENGE), NOW,
                    AuthorizationCode.DEFAULT_TTL);
            store.adapter.authorizationCodes().add(code);
        }
    }

    /** Each thread's own rotation chain: every call rotates the token the previous call issued. */
    @State(Scope.Thread)
    public static class RefreshChain {
        RefreshToken current;

        @Setup(Level.Trial)
        public void start(Store store) {
            current = refreshToken(store.grant, Optional.empty());
            store.adapter.tokens().add(accessToken(store.grant, Optional.of(current)), Optional.of(current));
        }
    }

    @Benchmark
    public Redemption redeemCodeAndStoreTokens(Store store, IssuedCode issued) {
        Redemption redemption = store.adapter.authorizationCodes().redeem(issued.code.hash(), issued.code.clientId(), NOW);
        if (!(redemption instanceof Redemption.Redeemed)) {
            throw new IllegalStateException("A fresh code was not redeemed: " + redemption);
        }
        RefreshToken refreshToken = refreshToken(store.grant, Optional.empty());
        store.adapter.tokens().add(accessToken(store.grant, Optional.of(refreshToken)), Optional.of(refreshToken));
        return redemption;
    }

    @Benchmark
    public RefreshToken rotateRefreshToken(Store store, RefreshChain chain) {
        RefreshToken successor = refreshToken(store.grant, Optional.of(chain.current));
        if (!store.adapter.tokens().rotate(chain.current.id(), NOW, accessToken(store.grant, Optional.of(successor)),
                successor)) {
            throw new IllegalStateException("An active refresh token was not rotated");
        }
        chain.current = successor;
        return successor;
    }

    @Benchmark
    public Optional<AccessToken> findAccessTokenByHash(Store store, StoredAccessTokens stored) {
        SecretHash hash = stored.hashes.get(ThreadLocalRandom.current().nextInt(STORED_ACCESS_TOKENS));
        Optional<AccessToken> found = store.adapter.tokens().findAccessToken(hash);
        if (found.isEmpty()) {
            throw new IllegalStateException("A stored access token was not found");
        }
        return found;
    }

    private static AccessToken accessToken(Grant grant, Optional<RefreshToken> issuedWith) {
        return new AccessToken(new TokenId(id()), randomHash(), grant.id(), grant.clientId(), grant.accountId(),
                grant.scopes(), issuedWith.map(RefreshToken::id), NOW, NOW.plus(Duration.ofHours(1)), Optional.empty());
    }

    private static RefreshToken refreshToken(Grant grant, Optional<RefreshToken> parent) {
        return new RefreshToken(new TokenId(id()), randomHash(), grant.id(), grant.clientId(), grant.accountId(),
                grant.scopes(), parent.map(RefreshToken::id), NOW, NOW.plus(Duration.ofDays(30)), Optional.empty(),
                Optional.empty());
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }

    /** Stands in for the SHA-256 of a random secret: the store sees only hashes. */
    private static SecretHash randomHash() {
        byte[] bytes = new byte[32];
        ThreadLocalRandom.current().nextBytes(bytes);
        return new SecretHash(HexFormat.of().formatHex(bytes));
    }
}
