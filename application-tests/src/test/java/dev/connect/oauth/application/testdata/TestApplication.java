package dev.connect.oauth.application.testdata;

import dev.connect.oauth.adapter.memory.InMemoryPorts;
import dev.connect.oauth.adapter.memory.InMemoryStore;
import dev.connect.oauth.application.AbuseLimits;
import dev.connect.oauth.application.DpopPolicy;
import dev.connect.oauth.application.OAuthPolicy;
import dev.connect.oauth.application.PushedRequestPolicy;
import dev.connect.oauth.application.TokenCachePolicy;
import dev.connect.oauth.testkit.fake.FakeAccessTokenCodec;
import dev.connect.oauth.testkit.fake.FakeClientAssertionCodec;
import dev.connect.oauth.testkit.fake.FakeClientKeysFetcher;
import dev.connect.oauth.testkit.fake.FakeClientSecretSealer;
import dev.connect.oauth.testkit.fake.FakeIdTokenSigner;
import dev.connect.oauth.testkit.fake.FakePairwiseSubjects;
import dev.connect.oauth.testkit.fake.FakePasswordHasher;
import dev.connect.oauth.testkit.fake.FakeSecretGenerator;
import dev.connect.oauth.testkit.fake.FakeSecretHasher;
import dev.connect.oauth.application.port.in.AuthenticateApiKeyUseCase;
import dev.connect.oauth.application.port.in.AuthorizeUseCase;
import dev.connect.oauth.application.port.in.BootstrapAdminUseCase;
import dev.connect.oauth.application.port.in.CheckAuthorizationRequestUseCase;
import dev.connect.oauth.application.port.in.CheckReadinessUseCase;
import dev.connect.oauth.application.port.in.CreateAccountUseCase;
import dev.connect.oauth.application.port.in.DeleteClientUseCase;
import dev.connect.oauth.application.port.in.DescribeTokenUseCase;
import dev.connect.oauth.application.port.in.DisconnectClientUseCase;
import dev.connect.oauth.application.port.in.EndSessionUseCase;
import dev.connect.oauth.application.port.in.ExchangeCodeUseCase;
import dev.connect.oauth.application.port.in.GetClientUseCase;
import dev.connect.oauth.application.port.in.GetJwkSetUseCase;
import dev.connect.oauth.application.port.in.GetUserInfoUseCase;
import dev.connect.oauth.application.port.in.IntrospectTokenUseCase;
import dev.connect.oauth.application.port.in.InvalidateTokenUseCase;
import dev.connect.oauth.application.port.in.IssueApiKeyUseCase;
import dev.connect.oauth.application.port.in.IssueClientCredentialsTokenUseCase;
import dev.connect.oauth.application.port.in.ListClientsUseCase;
import dev.connect.oauth.application.port.in.ListConnectionsUseCase;
import dev.connect.oauth.application.port.in.PlanAuthorizationUseCase;
import dev.connect.oauth.application.port.in.PushAuthorizationRequestUseCase;
import dev.connect.oauth.application.port.in.RefreshTokenUseCase;
import dev.connect.oauth.application.port.in.ManageClientRegistrationUseCase;
import dev.connect.oauth.application.port.in.RegisterClientDynamicallyUseCase;
import dev.connect.oauth.application.port.in.RegisterClientUseCase;
import dev.connect.oauth.application.port.in.DecideDeviceAuthorizationUseCase;
import dev.connect.oauth.application.port.in.ExchangeDeviceCodeUseCase;
import dev.connect.oauth.application.port.in.FindDeviceAuthorizationUseCase;
import dev.connect.oauth.application.port.in.StartDeviceAuthorizationUseCase;
import dev.connect.oauth.application.service.DecideDeviceAuthorizationService;
import dev.connect.oauth.application.service.ExchangeDeviceCodeService;
import dev.connect.oauth.application.service.FindDeviceAuthorizationService;
import dev.connect.oauth.application.service.StartDeviceAuthorizationService;
import dev.connect.oauth.application.port.in.ResolvePushedRequestUseCase;
import dev.connect.oauth.application.port.in.ResolveSessionUseCase;
import dev.connect.oauth.application.port.in.ResolveSignInUseCase;
import dev.connect.oauth.application.port.in.ReturnAfterSignInUseCase;
import dev.connect.oauth.application.port.in.RevokeApiKeyUseCase;
import dev.connect.oauth.application.port.in.RevokeTokenUseCase;
import dev.connect.oauth.application.port.in.RotateClientSecretUseCase;
import dev.connect.oauth.application.port.in.SignInUseCase;
import dev.connect.oauth.application.port.in.SignOutUseCase;
import dev.connect.oauth.application.port.out.GrantRepository;
import dev.connect.oauth.application.port.out.StorePorts;
import dev.connect.oauth.application.service.AuthenticateApiKeyService;
import dev.connect.oauth.application.service.AuthorizeService;
import dev.connect.oauth.application.service.BootstrapAdminService;
import dev.connect.oauth.application.service.CheckAuthorizationRequestService;
import dev.connect.oauth.application.service.CheckReadinessService;
import dev.connect.oauth.application.service.ClientAuthenticator;
import dev.connect.oauth.application.service.DynamicClientRegistrationService;
import dev.connect.oauth.application.service.ClientFailureLimitService;
import dev.connect.oauth.application.service.CreateAccountService;
import dev.connect.oauth.application.service.DeleteClientService;
import dev.connect.oauth.application.service.DescribeTokenService;
import dev.connect.oauth.application.service.DisconnectClientService;
import dev.connect.oauth.application.service.DpopProofs;
import dev.connect.oauth.application.service.EndSessionService;
import dev.connect.oauth.application.service.ExchangeCodeService;
import dev.connect.oauth.application.service.GetClientService;
import dev.connect.oauth.application.service.GetJwkSetService;
import dev.connect.oauth.application.service.GetUserInfoService;
import dev.connect.oauth.application.service.IntrospectTokenService;
import dev.connect.oauth.application.service.InvalidateTokenService;
import dev.connect.oauth.application.service.IssueApiKeyService;
import dev.connect.oauth.application.service.IssueClientCredentialsTokenService;
import dev.connect.oauth.application.service.ListClientsService;
import dev.connect.oauth.application.service.ListConnectionsService;
import dev.connect.oauth.application.service.MaintenanceService;
import dev.connect.oauth.application.service.PlanAuthorizationService;
import dev.connect.oauth.application.service.PurgeShortLivedRecordsService;
import dev.connect.oauth.application.service.PushAuthorizationRequestService;
import dev.connect.oauth.application.service.RefreshTokenService;
import dev.connect.oauth.application.service.RegisterClientService;
import dev.connect.oauth.application.service.ResolvePushedRequestService;
import dev.connect.oauth.application.service.ResolveSessionService;
import dev.connect.oauth.application.service.ReturnAfterSignInService;
import dev.connect.oauth.application.service.RevocationAwareGrantRepository;
import dev.connect.oauth.application.service.RevokeApiKeyService;
import dev.connect.oauth.application.service.RevokeTokenService;
import dev.connect.oauth.application.service.RotateClientSecretService;
import dev.connect.oauth.application.service.SignInService;
import dev.connect.oauth.application.service.SignOutService;
import dev.connect.oauth.application.service.TokenCheckCache;
import dev.connect.oauth.testkit.fake.FakeDpopNonceCodec;
import dev.connect.oauth.testkit.fake.FakeDpopProofReader;
import dev.connect.oauth.testkit.testdata.MutableClock;
import java.util.Objects;

/**
 * Every use case, wired as bootstrap wires them but over the in-memory ports and fakes, with a
 * {@link MutableClock}: the service tests and the HTTP adapter's tests run the real use cases
 * with it, in memory.
 */
public final class TestApplication {
    public static final String ISSUER = "http://localhost";

    public final MutableClock clock = new MutableClock();
    public final OAuthPolicy policy;
    public final AbuseLimits limits;
    public final PushedRequestPolicy pushedRequestPolicy;
    public final InMemoryStore store = new InMemoryStore();
    public final StorePorts ports = InMemoryPorts.create(store);
    public final FakeSecretGenerator generator = new FakeSecretGenerator();
    public final FakeSecretHasher secretHasher = new FakeSecretHasher();
    public final FakePasswordHasher passwordHasher = new FakePasswordHasher();
    public final FakeAccessTokenCodec codec = new FakeAccessTokenCodec();
    /** The token-check cache the use cases share; it answers only once {@link TokenCheckCache#refresh()} has run. */
    public final TokenCheckCache tokenChecks;
    public final FakeIdTokenSigner idTokenSigner = new FakeIdTokenSigner();
    public final FakePairwiseSubjects pairwise = new FakePairwiseSubjects();
    public final FakeClientAssertionCodec assertions = new FakeClientAssertionCodec();
    public final FakeClientKeysFetcher clientKeys = new FakeClientKeysFetcher();
    public final FakeClientSecretSealer sealer = new FakeClientSecretSealer();
    /** The one client authenticator of every client-authenticated use case. */
    public final ClientAuthenticator clientAuthenticator;
    /** Reads the DPoP proofs a test registered with it. */
    public final FakeDpopProofReader dpopProofReader = new FakeDpopProofReader();
    public final FakeDpopNonceCodec dpopNonces = new FakeDpopNonceCodec();
    public final DpopPolicy dpopPolicy;
    public final DpopProofs dpopProofs;

    public final CheckAuthorizationRequestUseCase checkAuthorizationRequest;
    public final AuthorizeUseCase authorize;
    public final ExchangeCodeUseCase exchangeCode;
    public final RefreshTokenUseCase refreshToken;
    public final IssueClientCredentialsTokenUseCase issueClientCredentialsToken;
    public final DescribeTokenUseCase describeToken;
    public final InvalidateTokenUseCase invalidateToken;
    public final RevokeTokenUseCase revokeToken;
    public final IntrospectTokenUseCase introspectToken;
    public final GetJwkSetUseCase getJwkSet;
    public final CheckReadinessUseCase checkReadiness;
    public final SignInUseCase signIn;
    public final ResolveSessionUseCase resolveSession;
    public final SignOutUseCase signOut;
    public final AuthenticateApiKeyUseCase authenticateApiKey;
    public final CreateAccountUseCase createAccount;
    public final IssueApiKeyUseCase issueApiKey;
    public final RevokeApiKeyUseCase revokeApiKey;
    public final BootstrapAdminUseCase bootstrapAdmin;
    public final ListConnectionsUseCase listConnections;
    public final DisconnectClientUseCase disconnectClient;
    public final RegisterClientUseCase registerClient;
    public final ListClientsUseCase listClients;
    public final GetClientUseCase getClient;
    public final RotateClientSecretUseCase rotateClientSecret;
    public final DeleteClientUseCase deleteClient;
    public final MaintenanceService maintenance;
    public final ClientFailureLimitService clientFailures;
    public final PurgeShortLivedRecordsService purgeShortLivedRecords;
    public final ResolveSignInUseCase resolveSignIn;
    public final GetUserInfoUseCase getUserInfo;
    public final PlanAuthorizationUseCase planAuthorization;
    public final EndSessionUseCase endSession;
    public final RegisterClientDynamicallyUseCase registerClientDynamically;
    public final ManageClientRegistrationUseCase manageClientRegistration;
    public final PushAuthorizationRequestUseCase pushAuthorizationRequest;
    public final ResolvePushedRequestUseCase resolvePushedRequest;
    public final ReturnAfterSignInUseCase returnAfterSignIn;
    public final StartDeviceAuthorizationUseCase startDeviceAuthorization;
    public final ExchangeDeviceCodeUseCase exchangeDeviceCode;
    public final FindDeviceAuthorizationUseCase findDeviceAuthorization;
    public final DecideDeviceAuthorizationUseCase decideDeviceAuthorization;

    /** With {@link OAuthPolicy#defaults} for {@link #ISSUER} and {@link AbuseLimits#defaults}. */
    public TestApplication() {
        this(OAuthPolicy.defaults(ISSUER));
    }

    public TestApplication(OAuthPolicy policy) {
        this(policy, AbuseLimits.defaults());
    }

    public TestApplication(OAuthPolicy policy, AbuseLimits limits) {
        this(policy, limits, PushedRequestPolicy.DEFAULTS, DpopPolicy.defaults());
    }

    public TestApplication(OAuthPolicy policy, AbuseLimits limits, PushedRequestPolicy pushedRequestPolicy) {
        this(policy, limits, pushedRequestPolicy, DpopPolicy.defaults());
    }

    public TestApplication(OAuthPolicy policy, AbuseLimits limits, DpopPolicy dpopPolicy) {
        this(policy, limits, PushedRequestPolicy.DEFAULTS, dpopPolicy);
    }

    public TestApplication(OAuthPolicy policy, AbuseLimits limits, PushedRequestPolicy pushedRequestPolicy,
                           DpopPolicy dpopPolicy) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.pushedRequestPolicy = Objects.requireNonNull(pushedRequestPolicy, "pushedRequestPolicy");
        this.dpopPolicy = Objects.requireNonNull(dpopPolicy, "dpopPolicy");
        StorePorts p = ports;
        dpopProofs = new DpopProofs(dpopProofReader, dpopNonces, p.jtis(), secretHasher, clock, dpopPolicy);
        tokenChecks = new TokenCheckCache(p.accessTokenLookup(), TokenCachePolicy.defaults(), clock);
        GrantRepository grants = new RevocationAwareGrantRepository(p.grants(), tokenChecks);
        clientAuthenticator = new ClientAuthenticator(p.clients(), secretHasher, assertions, sealer, clientKeys, p.jtis(), clock,
                policy);
        checkAuthorizationRequest = new CheckAuthorizationRequestService(p.clients(), policy);
        AuthorizeService authorizeService = new AuthorizeService(p.clients(), p.accounts(), grants, p.codes(),
                generator, secretHasher, p.audit(), clock, policy);
        authorize = authorizeService;
        exchangeCode = new ExchangeCodeService(clientAuthenticator, p.codes(), grants, p.tokens(), codec, generator,
                secretHasher, p.audit(), clock, policy, idTokenSigner, pairwise, dpopProofs);
        refreshToken = new RefreshTokenService(clientAuthenticator, grants, p.tokens(), codec, generator, secretHasher,
                p.audit(), clock, policy, idTokenSigner, pairwise, dpopProofs);
        issueClientCredentialsToken = new IssueClientCredentialsTokenService(clientAuthenticator, p.tokens(),
                codec, generator, secretHasher, clock, policy, dpopProofs);
        describeToken = new DescribeTokenService(tokenChecks, secretHasher, clock, dpopProofs);
        invalidateToken = new InvalidateTokenService(p.tokens(), tokenChecks, secretHasher, clock, dpopProofs);
        revokeToken = new RevokeTokenService(clientAuthenticator, p.tokens(), tokenChecks, grants, secretHasher, clock);
        introspectToken = new IntrospectTokenService(clientAuthenticator, p.tokens(), tokenChecks, p.accounts(), secretHasher,
                pairwise, policy, clock);
        getJwkSet = new GetJwkSetService(codec);
        checkReadiness = new CheckReadinessService(p.health());
        signIn = new SignInService(p.accounts(), p.sessions(), passwordHasher, generator, secretHasher, p.audit(),
                clock, policy, p.attempts(), limits);
        ResolveSessionService sessions = new ResolveSessionService(p.sessions(), p.accounts(), secretHasher, clock);
        resolveSession = sessions;
        resolveSignIn = sessions;
        planAuthorization = new PlanAuthorizationService(p.clients(), p.grants(), sessions, authorizeService, clock,
                policy);
        getUserInfo = new GetUserInfoService(p.accessTokenLookup(), p.clients(), pairwise, secretHasher, clock,
                dpopProofs);
        endSession = new EndSessionService(idTokenSigner, p.clients(), p.sessions(), secretHasher, pairwise,
                policy);
        signOut = new SignOutService(p.sessions(), secretHasher);
        authenticateApiKey = new AuthenticateApiKeyService(p.apiKeys(), p.accounts(), secretHasher);
        createAccount = new CreateAccountService(p.accounts(), passwordHasher, generator, secretHasher, p.audit(),
                clock);
        issueApiKey = new IssueApiKeyService(p.apiKeys(), generator, secretHasher, p.audit(), clock);
        revokeApiKey = new RevokeApiKeyService(p.apiKeys(), p.audit(), clock);
        bootstrapAdmin = new BootstrapAdminService(p.accounts(), p.apiKeys(), generator, secretHasher, p.audit(), clock);
        listConnections = new ListConnectionsService(grants, p.clients());
        disconnectClient = new DisconnectClientService(grants, p.audit(), clock);
        registerClient = new RegisterClientService(p.clients(), generator, secretHasher, sealer, assertions, p.audit(), clock, policy);
        DynamicClientRegistrationService dynamicRegistration = new DynamicClientRegistrationService(p.clients(), generator,
                secretHasher, sealer, assertions, tokenChecks, p.audit(), clock, policy);
        registerClientDynamically = dynamicRegistration;
        manageClientRegistration = dynamicRegistration;
        listClients = new ListClientsService(p.clients());
        getClient = new GetClientService(p.clients());
        rotateClientSecret = new RotateClientSecretService(p.clients(), generator, secretHasher, sealer, p.audit(), clock);
        deleteClient = new DeleteClientService(p.clients(), tokenChecks, p.audit(), clock);
        maintenance = new MaintenanceService(p.maintenance(), p.audit(), clock);
        clientFailures = new ClientFailureLimitService(p.attempts(), secretHasher, limits, clock);
        purgeShortLivedRecords = new PurgeShortLivedRecordsService(p.attempts(), p.jtis(), clock);
        pushAuthorizationRequest = new PushAuthorizationRequestService(clientAuthenticator, p.clients(), secretHasher, generator,
                p.pushedRequests(), clock, policy, pushedRequestPolicy, dpopProofs);
        resolvePushedRequest = new ResolvePushedRequestService(p.clients(), p.pushedRequests(), secretHasher, clock,
                policy, pushedRequestPolicy);
        returnAfterSignIn = new ReturnAfterSignInService(p.pushedRequests(), generator, secretHasher, clock,
                pushedRequestPolicy);
        startDeviceAuthorization = new StartDeviceAuthorizationService(clientAuthenticator, p.deviceAuthorizations(), generator,
                secretHasher, clock, policy);
        exchangeDeviceCode = new ExchangeDeviceCodeService(clientAuthenticator, p.deviceAuthorizations(), grants, p.tokens(),
                codec, generator, secretHasher, clock, policy, idTokenSigner, pairwise, dpopProofs);
        findDeviceAuthorization = new FindDeviceAuthorizationService(p.deviceAuthorizations(), p.clients(),
                p.attempts(), secretHasher, clock);
        decideDeviceAuthorization = new DecideDeviceAuthorizationService(p.deviceAuthorizations(), p.clients(),
                p.accounts(), p.attempts(), generator, secretHasher, p.audit(), clock);
    }
}
