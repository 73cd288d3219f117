package dev.connect.oauth.examples.core;

import dev.connect.oauth.application.service.ClientAuthenticator;
import dev.connect.oauth.adapter.crypto.CryptoAdapter;
import dev.connect.oauth.adapter.crypto.KeyEncryptionKey;
import dev.connect.oauth.adapter.crypto.SigningKeys;
import dev.connect.oauth.adapter.memory.InMemoryPorts;
import dev.connect.oauth.application.DpopPolicy;
import dev.connect.oauth.application.OAuthPolicy;
import dev.connect.oauth.application.TokenCachePolicy;
import dev.connect.oauth.application.port.in.AuthorizationGranted;
import dev.connect.oauth.application.port.in.AuthorizationRequest;
import dev.connect.oauth.application.port.in.AuthorizeCommand;
import dev.connect.oauth.application.port.in.BootstrapAdminCommand;
import dev.connect.oauth.application.port.in.ClientCredentials;
import dev.connect.oauth.application.port.in.ConsentDecision;
import dev.connect.oauth.application.port.in.CreateAccountCommand;
import dev.connect.oauth.application.port.in.CreatedAccount;
import dev.connect.oauth.application.port.in.ExchangeCodeCommand;
import dev.connect.oauth.application.port.in.Principal;
import dev.connect.oauth.application.port.in.RefreshTokenCommand;
import dev.connect.oauth.application.port.in.RegisterClientCommand;
import dev.connect.oauth.application.port.in.RegisteredClient;
import dev.connect.oauth.application.port.in.TokenInfo;
import dev.connect.oauth.application.port.in.TokenResponse;
import dev.connect.oauth.application.port.out.AccessTokenCodec;
import dev.connect.oauth.application.port.out.ClientSecretSealer;
import dev.connect.oauth.application.port.out.PairwiseSubjects;
import dev.connect.oauth.application.port.out.SecretGenerator;
import dev.connect.oauth.application.port.out.SecretHasher;
import dev.connect.oauth.application.port.out.StorePorts;
import dev.connect.oauth.application.service.AuthorizeService;
import dev.connect.oauth.application.service.BootstrapAdminService;
import dev.connect.oauth.application.service.CreateAccountService;
import dev.connect.oauth.application.service.DescribeTokenService;
import dev.connect.oauth.application.service.DpopProofs;
import dev.connect.oauth.application.service.ExchangeCodeService;
import dev.connect.oauth.application.service.RefreshTokenService;
import dev.connect.oauth.application.service.RegisterClientService;
import dev.connect.oauth.application.service.TokenCheckCache;
import dev.connect.oauth.domain.ErrorCode;
import dev.connect.oauth.domain.OAuthException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Example (a): the core of Connect OAuth without any framework. The use cases of {@code application} are wired
 * by hand over {@code adapter-memory} (every store port) and {@code adapter-crypto} (ES256 access tokens, SHA-256,
 * SecureRandom, Argon2id), and run an authorization-code flow with PKCE (RFC 7636) and a refresh with rotation
 * (RFC 6749 §6, §10.4) in-process: no HTTP, no Vert.x, no Dagger, no database.
 */
public final class InMemoryCodeFlow {
    private static final String ISSUER = "https://auth.example.com";
    private static final String REDIRECT_URI = "https://app.example.com/callback";

    /**
     * What the flow ended with.
     *
     * @param user                    the name of the account the refreshed access token stands for
     * @param scope                   the scope granted
     * @param replayedRefreshRejected whether presenting the rotated-out refresh token again was refused
     */
    public record Outcome(String user, String scope, boolean replayedRefreshRejected) {
    }

    private InMemoryCodeFlow() {
    }

    public static void main(String[] args) {
        Outcome outcome = run();
        System.out.printf("Code flow with PKCE and a refresh, in memory: access token of %s for '%s'; "
                + "replayed refresh token rejected: %s%n", outcome.user(), outcome.scope(),
                outcome.replayedRefreshRejected());
    }

    /** Runs the whole flow on a fresh store. */
    public static Outcome run() {
        Clock clock = Clock.systemUTC();
        OAuthPolicy policy = OAuthPolicy.defaults(ISSUER);
        StorePorts store = InMemoryPorts.create();
        SecretGenerator generator = CryptoAdapter.secretGenerator();
        SecretHasher hasher = CryptoAdapter.secretHasher();
        KeyEncryptionKey kek = KeyEncryptionKey.generate();
        SigningKeys keys = CryptoAdapter.signingKeys(store.signingKeys(), clock, policy.accessTokenTtl(), kek,
                Optional.empty());
        AccessTokenCodec codec = keys.codec();
        PairwiseSubjects pairwise = CryptoAdapter.pairwiseSubjects(Optional.empty(), store.serverSecrets(), clock, kek,
                Optional.empty());
        // client_secret_jwt secrets are sealed with the same key-encryption key as the signing keys.
        ClientSecretSealer sealer = CryptoAdapter.clientSecretSealer(kek, Optional.empty());
        ClientAuthenticator authenticator = new ClientAuthenticator(store.clients(), hasher,
                CryptoAdapter.clientAssertionCodec(), sealer, CryptoAdapter.clientKeysFetcher(), store.jtis(), clock, policy);
        // DPoP proofs (RFC 9449), if a client sends them: checked, their jti recorded in the store.
        DpopProofs dpop = new DpopProofs(CryptoAdapter.dpopProofReader(),
                CryptoAdapter.dpopNonceCodec(kek, Optional.empty()), store.jtis(), hasher, clock, DpopPolicy.defaults());

        // An admin registers the client and creates the customer, as /api/v1 would.
        CreatedAccount admin = new BootstrapAdminService(store.accounts(), store.apiKeys(), generator, hasher,
                store.audit(), clock)
                .bootstrap(new BootstrapAdminCommand("admin@example.com", "Admin", Optional.empty(), false))
                .orElseThrow();
        Principal asAdmin = new Principal(admin.account(), admin.apiKey().issued().id());
        RegisteredClient app = new RegisterClientService(store.clients(), generator, hasher, sealer,
                CryptoAdapter.clientAssertionCodec(), store.audit(), clock,
                policy).register(new RegisterClientCommand(asAdmin, Optional.of("Demo app"), Optional.of(List.of(REDIRECT_URI)),
                Optional.of(List.of("connect", "triggers")), Optional.of("confidential")));
        CreatedAccount jane = new CreateAccountService(store.accounts(), CryptoAdapter.passwordHasher(1), generator,
                hasher, store.audit(), clock).create(new CreateAccountCommand(asAdmin, Optional.of("jane@example.com"),
                Optional.empty(), Optional.of("Jane Doe"), Optional.of("correct horse battery"), Optional.empty()));
        ClientCredentials credentials = new ClientCredentials(app.client().id().value(), app.secret());

        // Jane, signed in, approves the client's request: the code is bound to the PKCE challenge.
        String verifier = generator.secret();
        AuthorizationRequest request = AuthorizationRequest.of(Map.of("response_type", "code",
                "client_id", credentials.clientId(), "redirect_uri", REDIRECT_URI, "scope", "connect", "state", "xyz",
                "code_challenge", s256(verifier), "code_challenge_method", "S256"));
        AuthorizationGranted granted = (AuthorizationGranted) new AuthorizeService(store.clients(), store.accounts(),
                store.grants(), store.codes(), generator, hasher, store.audit(), clock, policy)
                .authorize(new AuthorizeCommand(request, jane.account().id(), ConsentDecision.APPROVE));

        // The client exchanges the code with the verifier, then refreshes twice (each refresh rotates the token).
        TokenResponse tokens = new ExchangeCodeService(authenticator, store.codes(), store.grants(), store.tokens(),
                codec, generator, hasher, store.audit(), clock, policy, keys.idTokenSigner(), pairwise, dpop)
                .exchange(new ExchangeCodeCommand(credentials, Optional.of(granted.code()), Optional.of(REDIRECT_URI),
                        Optional.of(verifier)));
        RefreshTokenService refreshing = new RefreshTokenService(authenticator, store.grants(), store.tokens(), codec,
                generator, hasher, store.audit(), clock, policy, keys.idTokenSigner(), pairwise, dpop);
        String firstRefreshToken = tokens.refreshToken().orElseThrow();
        TokenResponse refreshed = refreshing.refresh(new RefreshTokenCommand(credentials, Optional.of(firstRefreshToken),
                Optional.empty()));
        TokenResponse refreshedAgain = refreshing.refresh(
                new RefreshTokenCommand(credentials, refreshed.refreshToken(), Optional.empty()));
        TokenInfo info = new DescribeTokenService(new TokenCheckCache(store.accessTokenLookup(),
                TokenCachePolicy.defaults(), clock), hasher, clock, dpop).describe(Optional.of(refreshedAgain.accessToken()));

        // The first refresh token, rotated out and its successor used, is a replay: refused, the grant revoked.
        boolean replayRejected = isRejected(
                () -> refreshing.refresh(new RefreshTokenCommand(credentials, Optional.of(firstRefreshToken),
                        Optional.empty())));
        return new Outcome(info.account().name(), info.scope().toString(), replayRejected);
    }

    /** The S256 code challenge of {@code verifier}: base64url of its SHA-256 (RFC 7636 §4.2). */
    private static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }

    private static boolean isRejected(Runnable call) {
        try {
            call.run();
            return false;
        } catch (OAuthException e) {
            return e.errorCode() == ErrorCode.INVALID_GRANT;
        }
    }
}
