package dev.connect.oauth.adapter.http;

import static io.vertx.core.http.HttpMethod.DELETE;
import static io.vertx.core.http.HttpMethod.GET;
import static io.vertx.core.http.HttpMethod.POST;
import static io.vertx.core.http.HttpMethod.PUT;

import dev.connect.oauth.domain.OAuthException;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The HTTP face of Connect OAuth: every endpoint of API.md as a Vert.x Web {@link Router}, and
 * a server that serves it.
 *
 * <ul>
 *   <li>OAuth 2.0 (RFC 6749, 7636, 7009, 7662, 8414) at {@code /oauth/<name>} and the bare
 *       {@code /<name>}: authorize (with the sign-in and consent pages), token, refresh, info,
 *       invalidate, revoke, introspect, jwks, logout, and {@code /.well-known/oauth-authorization-server};</li>
 *   <li>the device grant (RFC 8628): {@code /oauth/device_authorization}, the verification page
 *       {@code /device}, and its API form {@code POST /api/v1/device/approve};</li>
 *   <li>{@code /openapi.json}: the OpenAPI 3.1 document of all of it (in the jar as {@code /openapi.json});</li>
 *   <li>the account and client API v1 under {@code /api/v1}, with API keys, and the admin
 *       maintenance switch of the whole fleet {@code PUT /api/v1/maintenance {"enabled": true}};</li>
 *   <li>{@code /health/live} and {@code /health/ready}; Prometheus {@code /metrics} only on the admin
 *       listener ({@link #listenAdmin}), with the health checks again.</li>
 * </ul>
 *
 * <p>Each request is timed per route template into the {@link HttpTelemetry#meters()} registry and
 * traced as a server span that continues the caller's W3C trace (see {@link HttpTelemetry}).
 *
 * <p>Handlers only parse, call an in-port and render. The in-ports block, so they never run on an
 * event loop: each call gets a virtual thread (see {@code UseCaseExecutor}), and a bounded number
 * run at once. Every failure goes through one error mapper (API.md §1); no input yields a 500
 * unless the server itself is broken, and then the answer carries only a request id.
 *
 * <p>With {@link HttpSettings#corsOrigins()} set, the endpoints a single-page app fetches (token,
 * refresh, revoke, info, invalidate, JWKS, metadata) answer CORS requests from those origins.
 *
 * <p>Typical use: {@code adapter.listen(vertx, "0.0.0.0", 8080)} and
 * {@code adapter.listenAdmin(vertx, "127.0.0.1", 9090)}, and {@link #close()} on shutdown, which lets
 * in-flight requests finish.
 */
public final class HttpAdapter {
    private static final AtomicInteger SHARED_RANDOM_PORTS = new AtomicInteger();
    /** The endpoints a single-page app calls with fetch, and so the only ones that answer CORS. */
    private static final Set<String> CROSS_ORIGIN_PATHS = Stream.of(
                    oauth("token"), oauth("refresh"), oauth("revoke"), oauth("info"), oauth("invalidate"), oauth("jwks"),
                    List.of(DiscoveryEndpoints.METADATA_PATH, DiscoveryEndpoints.OPENID_CONFIGURATION_PATH),
                    oauth("userinfo"))
            .flatMap(List::stream).collect(Collectors.toUnmodifiableSet());

    private final HttpSettings settings;
    private final UseCaseExecutor executor;
    private final Pages pages = new Pages();
    private final RequestTelemetry requestTelemetry;
    private final MaintenanceMode maintenance;
    private final ErrorMapper errorMapper;
    private final CommonHeaders commonHeaders;
    private final VersionNegotiation versions;
    private final BodyReader bodyReader;
    private final AuthorizationEndpoint authorization;
    private final DpopExchange dpop;
    private final TokenEndpoint token;
    private final BearerEndpoints bearer;
    private final UserInfoEndpoint userInfo;
    private final EndSessionEndpoint endSession;
    private final RevocationEndpoints revocation;
    private final PushedAuthorizationRequestEndpoint pushedRequests;
    private final DiscoveryEndpoints discovery;
    private final ApiEndpoints api;
    private final DeviceAuthorizationEndpoint deviceAuthorization;
    private final DeviceVerificationEndpoint deviceVerification;
    private final RegistrationEndpoints registration;
    private final OperationsEndpoints operations;
    /** The listeners serving, by what they serve ({@code public} or {@code admin}). */
    private final Map<String, Deployment> deployments = new LinkedHashMap<>();

    /** An adapter with a metrics registry of its own and no span recorded ({@link HttpTelemetry#standalone()}). */
    public HttpAdapter(HttpUseCases useCases, HttpSettings settings) {
        this(useCases, settings, HttpTelemetry.standalone());
    }

    public HttpAdapter(HttpUseCases useCases, HttpSettings settings, HttpTelemetry telemetry) {
        Objects.requireNonNull(useCases, "useCases");
        this.settings = Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(telemetry, "telemetry");
        HttpMetrics metrics = new HttpMetrics(telemetry.meters());
        this.requestTelemetry = new RequestTelemetry(metrics, telemetry.openTelemetry());
        this.executor = new UseCaseExecutor(settings.maxConcurrentUseCases(), settings.retryAfter());
        this.maintenance = new MaintenanceMode(useCases.checkMaintenance(), settings.maintenance(), settings.retryAfter());
        this.commonHeaders = new CommonHeaders(pages.contentSecurityPolicy(), settings.latestVersion(),
                settings.httpsIssuer());
        this.dpop = new DpopExchange(useCases.dpopParameters(), settings.issuer());
        this.errorMapper = new ErrorMapper(settings.retryAfter(), pages, commonHeaders, settings.issuer(), dpop);
        this.versions = new VersionNegotiation(ApiVersion.require(settings.latestVersion(), "latestVersion"),
                ApiVersion.require(settings.minimumVersion(), "minimumVersion"));
        this.bodyReader = new BodyReader(settings.maxBodyBytes());
        BrowserCookies cookies = new BrowserCookies(settings.httpsIssuer(), settings.clock());
        RequestSources sources = new RequestSources(settings.trustedProxyBlocks());
        PageSignIn pageSignIn = new PageSignIn(useCases.signIn(),
                new TokenBuckets(settings.signInPerAddress(), settings.clock()), sources);
        this.authorization = new AuthorizationEndpoint(useCases, executor, pages, cookies, pageSignIn,
                settings.basePath(), settings.issuer());
        this.deviceVerification = new DeviceVerificationEndpoint(useCases, executor, pages, cookies, pageSignIn,
                sources, settings.basePath());
        ClientAuthenticationLimit clientFailures = new ClientAuthenticationLimit(useCases.limitClientFailures(), sources);
        this.token = new TokenEndpoint(useCases, executor, new TokenBuckets(settings.tokenPerClient(), settings.clock()),
                clientFailures, metrics, dpop);
        this.bearer = new BearerEndpoints(useCases, executor, dpop);
        this.userInfo = new UserInfoEndpoint(useCases, executor, dpop);
        this.endSession = new EndSessionEndpoint(useCases, executor, pages, cookies, settings.basePath());
        this.deviceAuthorization = new DeviceAuthorizationEndpoint(useCases, executor, clientFailures, settings.issuer());
        this.revocation = new RevocationEndpoints(useCases, executor, clientFailures, settings.issuer());
        this.pushedRequests = new PushedAuthorizationRequestEndpoint(useCases, executor, clientFailures, dpop);
        this.discovery = new DiscoveryEndpoints(useCases, executor, settings);
        this.api = new ApiEndpoints(useCases, executor, maintenance, sources);
        this.registration = new RegistrationEndpoints(useCases, executor, settings.issuer());
        this.operations = new OperationsEndpoints(useCases, executor, telemetry.meters());
    }

    /**
     * Every route of API.md on a new router, for a server the caller owns. Routers made by one
     * adapter share its rate limits, metrics and maintenance switch.
     */
    public Router router(Vertx vertx) {
        Router router = Router.router(vertx);
        RouteTable routes = new RouteTable(router);
        Route common = router.route().handler(commonHeaders).handler(requestTelemetry)
                .handler(RouteTable::requireDecodablePath).handler(RouteTable::requireImplementedMethod);
        if (!settings.corsOrigins().isEmpty()) {
            common.handler(new CrossOriginRequests(settings.corsOrigins(), CROSS_ORIGIN_PATHS, routes::methodsOf));
        }
        common.handler(versions).handler(maintenance).handler(bodyReader).failureHandler(errorMapper);
        Handler<RoutingContext> json = MediaTypes.requireJsonAccepted();
        routes.on(ErrorStyle.AUTHORIZATION, GET, oauth("authorize"), authorization::authorize)
                .on(ErrorStyle.AUTHORIZATION, POST, oauth("authorize"), authorization::authorize)
                .on(ErrorStyle.AUTHORIZATION_FORM, POST, List.of(AuthorizationEndpoint.SIGN_IN_PATH, "/authorize/sign-in"),
                        authorization::signIn)
                .on(ErrorStyle.AUTHORIZATION_FORM, POST, List.of(AuthorizationEndpoint.CONSENT_PATH, "/authorize/consent"),
                        authorization::consent)
                .on(ErrorStyle.PAGE, POST, oauth("logout"), authorization::signOut)
                .on(ErrorStyle.TOKEN, POST, oauth("token"), json, dpop::answerWithNonce, token::token)
                .on(ErrorStyle.TOKEN, POST, oauth("refresh"), json, dpop::answerWithNonce, token::refresh)
                .on(POST, oauth("par"), json, dpop::answerWithNonce, pushedRequests::push)
                .on(POST, oauth("device_authorization"), json, deviceAuthorization::start)
                .on(ErrorStyle.PAGE, GET, DeviceAuthorizationEndpoint.VERIFICATION_PATH, deviceVerification::show)
                .on(ErrorStyle.PAGE, POST, DeviceAuthorizationEndpoint.VERIFICATION_PATH, deviceVerification::enter)
                .on(ErrorStyle.PAGE, POST, DeviceVerificationEndpoint.SIGN_IN_PATH, deviceVerification::signIn)
                .on(ErrorStyle.PAGE, POST, DeviceVerificationEndpoint.CONSENT_PATH, deviceVerification::consent)
                .on(GET, oauth("info"), json, dpop::answerWithNonce, bearer::info)
                .on(GET, oauth("invalidate"), json, dpop::answerWithNonce, bearer::invalidate)
                .on(POST, oauth("invalidate"), json, dpop::answerWithNonce, bearer::invalidate)
                .on(POST, oauth("revoke"), json, revocation::revoke)
                .on(POST, oauth("introspect"), json, revocation::introspect)
                .on(GET, oauth("jwks"), MediaTypes.requireJsonAccepted(MediaTypes.JWK_SET), discovery::jwks)
                .on(GET, DiscoveryEndpoints.METADATA_PATH, json, discovery::metadata)
                .on(GET, DiscoveryEndpoints.OPENAPI_PATH, json, discovery::openApi)
                .on(GET, DiscoveryEndpoints.OPENID_CONFIGURATION_PATH, json, discovery::openIdConfiguration)
                .on(GET, oauth("userinfo"), json, dpop::answerWithNonce, userInfo::userInfo)
                .on(POST, oauth("userinfo"), json, dpop::answerWithNonce, userInfo::userInfo)
                .on(ErrorStyle.PAGE, GET, oauth("end_session"), endSession::endSession)
                .on(ErrorStyle.PAGE, POST, oauth("end_session"), endSession::endSession)
                .on(POST, oauth("register"), json, registration::register)
                .on(GET, oauth("register/:client_id"), json, registration::read)
                .on(PUT, oauth("register/:client_id"), json, registration::update)
                .on(DELETE, oauth("register/:client_id"), json, registration::delete)
                .on(POST, "/api/v1/accounts", json, api::createAccount)
                .on(GET, "/api/v1/accounts/me", json, api::me)
                .on(POST, "/api/v1/accounts/me/api-keys", json, api::issueApiKey)
                .on(DELETE, "/api/v1/accounts/me/api-keys/:id", json, api::revokeApiKey)
                .on(GET, "/api/v1/accounts/me/connections", json, api::connections)
                .on(DELETE, "/api/v1/accounts/me/connections/:client_id", json, api::disconnect)
                .on(POST, "/api/v1/device/approve", json, api::decideDeviceAuthorization)
                .on(POST, "/api/v1/clients", json, api::registerClient)
                .on(GET, "/api/v1/clients", json, api::listClients)
                .on(GET, "/api/v1/clients/:id", json, api::getClient)
                .on(DELETE, "/api/v1/clients/:id", json, api::deleteClient)
                .on(POST, "/api/v1/clients/:id/secret", json, api::rotateSecret)
                .on(GET, MaintenanceMode.TOGGLE_PATH, json, api::maintenanceStatus)
                .on(PUT, MaintenanceMode.TOGGLE_PATH, json, api::setMaintenance)
                .on(GET, "/health/live", operations::live)
                .on(GET, "/health/ready", operations::ready)
                .finish();
        return router;
    }

    /**
     * The operator's routes, for a listener of their own that the internet does not reach: the
     * Prometheus {@code /metrics}, which tells anyone who reads it the server's traffic and inner
     * state, and the health checks (also on the public router, where load balancers probe them).
     */
    public Router adminRouter(Vertx vertx) {
        Router router = Router.router(vertx);
        RouteTable routes = new RouteTable(router);
        router.route().handler(commonHeaders).handler(RouteTable::requireImplementedMethod).failureHandler(errorMapper);
        routes.on(GET, "/health/live", operations::live)
                .on(GET, "/health/ready", operations::ready)
                .on(GET, "/metrics", operations::metrics)
                .finish();
        return router;
    }

    /**
     * Serves {@link #router} on {@code host:port} from {@link HttpSettings#serverInstances()}
     * event loops, which Vert.x gives the connections in turn.
     *
     * @param port the port, or 0 for one the system chooses
     * @return the port bound
     */
    public synchronized Future<Integer> listen(Vertx vertx, String host, int port) {
        return deploy("public", vertx, () -> router(vertx), host, port, settings.serverInstances());
    }

    /**
     * Serves {@link #adminRouter} on {@code host:port}, from one event loop: meant for a loopback
     * or internal address.
     *
     * @param port the port, or 0 for one the system chooses
     * @return the port bound
     */
    public synchronized Future<Integer> listenAdmin(Vertx vertx, String host, int port) {
        return deploy("admin", vertx, () -> adminRouter(vertx), host, port, 1);
    }

    private Future<Integer> deploy(String listener, Vertx vertx, Supplier<Router> routes, String host, int port,
                                   int instances) {
        Objects.requireNonNull(vertx, "vertx");
        Objects.requireNonNull(host, "host");
        if (port < 0) {
            throw new IllegalArgumentException("port must not be negative");
        }
        if (deployments.containsKey(listener)) {
            return Future.failedFuture(new IllegalStateException("Already listening"));
        }
        // Vert.x gives every instance asked for port 0 a port of its own. A negative port is one
        // random port shared by every server asking for that same negative number: one per listener.
        int sharedPort = port == 0 && instances > 1 ? SHARED_RANDOM_PORTS.decrementAndGet() : port;
        AtomicInteger bound = new AtomicInteger(port);
        DeploymentOptions options = new DeploymentOptions().setInstances(instances);
        return vertx.deployVerticle(() -> new HttpServerVerticle(routes, this::refuse, host, sharedPort,
                        settings.shutdownGrace(), settings.timeouts(), bound::set), options)
                .map(id -> {
                    synchronized (this) {
                        deployments.put(listener, new Deployment(vertx, id));
                    }
                    return bound.get();
                });
    }

    /**
     * Stops serving: the servers take no new connections and give in-flight requests up to
     * {@link HttpSettings#shutdownGrace()} to finish; then the use-case threads are released.
     */
    public synchronized Future<Void> close() {
        List<Future<Void>> undeployed = deployments.values().stream()
                .map(deployment -> deployment.vertx().undeploy(deployment.id())).toList();
        deployments.clear();
        return Future.join(undeployed).<Void>mapEmpty().andThen(done -> executor.shutdown());
    }

    /** Answers {@code error} before any route ran, with the common headers, and closes the connection. */
    private void refuse(HttpServerRequest request, OAuthException error) {
        HttpServerResponse response = request.response();
        commonHeaders.apply(response.headers(), CommonHeaders.requestId(request));
        response.putHeader("Connection", "close").setStatusCode(ErrorStatus.of(error.errorCode()))
                .putHeader("Content-Type", Replies.JSON).end(ErrorMapper.body(error).encode());
    }

    /** One listener's verticles, as Vert.x deployed them. */
    private record Deployment(Vertx vertx, String id) {
    }

    private static List<String> oauth(String name) {
        return List.of("/oauth/" + name, "/" + name);
    }
}
