package dev.connect.oauth.adapter.http;

import dev.connect.oauth.application.OAuthPolicy;
import dev.connect.oauth.application.PushedRequestPolicy;
import dev.connect.oauth.domain.ScopeSet;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * How the HTTP adapter behaves, built once at start (API.md §1, §5).
 *
 * @param issuer                the public base URL (RFC 8414 §2): metadata endpoints are built from
 *                              it, its path prefixes the pages' form actions, and an {@code https}
 *                              issuer makes the browser cookies {@code Secure}
 * @param latestVersion         the newest {@code X-VERSION}, served when a request names none
 * @param minimumVersion        the oldest {@code X-VERSION} still served; older ones get 410
 * @param maintenance           whether this node is forced into maintenance, whatever the fleet's switch
 *                              (which the admin API sets) says
 * @param retryAfter            the {@code Retry-After} of 503 answers (maintenance, store down)
 * @param tokenPerClient        successful token endpoint requests per client id (counted per node, in
 *                              memory, charged once a request succeeded)
 * @param signInPerAddress      sign-in attempts per source (an IPv4 address or IPv6 /64), per node,
 *                              in memory: a flood guard; failed attempts are limited by the sign-in use
 *                              case in the shared store
 * @param allowPlainPkce        whether metadata lists {@code plain} among the PKCE methods (RFC 7636 §4.2)
 * @param scopeCatalogue        every scope the server knows, listed in metadata (API.md §2)
 * @param maxBodyBytes          larger request bodies get 413
 * @param maxConcurrentUseCases how many use cases run at once; more wait for a turn. Bounds the
 *                              memory of concurrent password hashing and the queue on the database pool
 * @param serverInstances       event-loop verticles {@link HttpAdapter#listen} deploys
 * @param shutdownGrace         how long {@link HttpAdapter#close()} lets in-flight requests finish
 * @param clock                 the time of rate limits and cookie lifetimes
 * @param corsOrigins           the origins (RFC 6454 §6.2, as browsers send them) whose pages may call
 *                              the token, revocation, bearer, JWKS and metadata endpoints with fetch
 *                              (CORS, Fetch standard §3.2); empty turns CORS off
 * @param trustedProxies        address blocks ({@code 10.0.0.0/8}, {@code 2001:db8::/32}, or single
 *                              addresses) of the proxies whose {@code X-Forwarded-For} names the client;
 *                              empty: the header is ignored and the peer is the client
 * @param timeouts              how long a connection may idle, and a request take to arrive
 * @param requirePushedAuthorizationRequests whether metadata says every client must push its
 *                              authorization requests (RFC 9126 §5)
 */
public record HttpSettings(String issuer, String latestVersion, String minimumVersion, boolean maintenance,
                           Duration retryAfter, RateLimit tokenPerClient, RateLimit signInPerAddress,
                           boolean allowPlainPkce, ScopeSet scopeCatalogue, long maxBodyBytes,
                           int maxConcurrentUseCases, int serverInstances, Duration shutdownGrace, Clock clock,
                           Set<String> corsOrigins, List<String> trustedProxies, Timeouts timeouts,
                           boolean requirePushedAuthorizationRequests) {
    public static final String DEFAULT_LATEST_VERSION = "1.8.0";
    public static final String DEFAULT_MINIMUM_VERSION = "1.0.0";
    /** Successful token requests per client and minute on one node unless configured. */
    public static final int DEFAULT_TOKEN_REQUESTS_PER_MINUTE = 3000;

    public HttpSettings {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(latestVersion, "latestVersion");
        Objects.requireNonNull(minimumVersion, "minimumVersion");
        Objects.requireNonNull(retryAfter, "retryAfter");
        Objects.requireNonNull(tokenPerClient, "tokenPerClient");
        Objects.requireNonNull(signInPerAddress, "signInPerAddress");
        Objects.requireNonNull(scopeCatalogue, "scopeCatalogue");
        Objects.requireNonNull(shutdownGrace, "shutdownGrace");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(corsOrigins, "corsOrigins");
        Objects.requireNonNull(timeouts, "timeouts");
        corsOrigins.forEach(HttpSettings::checkOrigin);
        corsOrigins = Set.copyOf(corsOrigins);
        Objects.requireNonNull(trustedProxies, "trustedProxies");
        trustedProxies.forEach(HttpSettings::checkTrustedProxy);
        trustedProxies = List.copyOf(trustedProxies);
        issuer = checkIssuer(issuer);
        checkVersion(latestVersion);
        checkVersion(minimumVersion);
        if (isOlderVersion(latestVersion, minimumVersion)) {
            throw new IllegalArgumentException("latestVersion " + latestVersion + " is older than minimumVersion "
                    + minimumVersion);
        }
        if (retryAfter.toSeconds() < 1) {
            throw new IllegalArgumentException("retryAfter must be at least one second");
        }
        if (scopeCatalogue.isEmpty()) {
            throw new IllegalArgumentException("scopeCatalogue must not be empty");
        }
        if (maxBodyBytes < 1024) {
            throw new IllegalArgumentException("maxBodyBytes must be at least 1024");
        }
        if (maxConcurrentUseCases < 1) {
            throw new IllegalArgumentException("maxConcurrentUseCases must be positive");
        }
        if (serverInstances < 1) {
            throw new IllegalArgumentException("serverInstances must be positive");
        }
        if (shutdownGrace.isNegative()) {
            throw new IllegalArgumentException("shutdownGrace must not be negative");
        }
    }

    /** Settings taking issuer, scope catalogue and PKCE rule from the use cases' own policy. */
    public static Builder builder(OAuthPolicy policy) {
        return new Builder(policy.issuer()).scopeCatalogue(policy.scopeCatalogue()).allowPlainPkce(policy.allowPlainPkce());
    }

    /** Defaults: versions 1.8.0/1.0.0, no maintenance, 30 s Retry-After, the default scope catalogue, no CORS. */
    public static Builder builder(String issuer) {
        return new Builder(issuer);
    }

    /** Whether the issuer is https: cookies are then {@code Secure} and answers carry HSTS. */
    boolean httpsIssuer() {
        return issuer.startsWith("https:");
    }

    /** The issuer's path, which prefixes the links the pages write ({@code ""} at the root). */
    String basePath() {
        return URI.create(issuer).getRawPath();
    }

    /**
     * Checks that {@code origin} is written exactly as a browser sends it in {@code Origin}
     * (RFC 6454 §6.2): {@code http} or {@code https}, {@code ://}, a lower-case host and a port
     * unless it is the scheme's default; no user, path, query, fragment or trailing slash. The
     * {@code Origin} header is compared with it as a string, so any other spelling would never match.
     * {@code *} is refused: every page on the web may not call endpoints that take client
     * credentials and tokens.
     *
     * @return {@code origin}
     * @throws IllegalArgumentException naming the origin and what is wrong
     */
    public static String checkOrigin(String origin) {
        Objects.requireNonNull(origin, "origin");
        if (origin.equals("*")) {
            throw new IllegalArgumentException("* is not accepted: list each origin");
        }
        try {
            URI uri = new URI(origin);
            String scheme = uri.getScheme();
            int defaultPort = "https".equals(scheme) ? 443 : 80;
            boolean web = "https".equals(scheme) || "http".equals(scheme);
            String serialized = scheme + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
            if (web && uri.getHost() != null && uri.getPort() != defaultPort && serialized.equals(origin)
                    && serialized.toLowerCase(Locale.ROOT).equals(origin)) {
                return origin;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new IllegalArgumentException(origin + " is not an origin: write http(s)://host[:port] in lower case,"
                + " without path, query, fragment, trailing slash or default port");
    }

    /**
     * Checks a trusted proxy's address block: an IPv4 or IPv6 address, optionally with a prefix
     * length ({@code 10.0.0.0/8}).
     *
     * @return {@code block}
     * @throws IllegalArgumentException naming the block and what is wrong
     */
    public static String checkTrustedProxy(String block) {
        Cidr.parse(block);
        return block;
    }

    /** The trusted proxies' blocks, parsed. */
    List<Cidr> trustedProxyBlocks() {
        return trustedProxies.stream().map(Cidr::parse).toList();
    }

    /**
     * Checks an {@code X-VERSION} value as this adapter reads it ({@code MAJOR.MINOR.PATCH}, no
     * leading zeros), so configuration can refuse what the adapter would refuse.
     *
     * @return {@code version}
     * @throws IllegalArgumentException when it is not such a version
     */
    public static String checkVersion(String version) {
        ApiVersion.require(version, "version");
        return version;
    }

    /** Whether the version {@code a} is older than {@code b}, numerically; both must pass {@link #checkVersion}. */
    public static boolean isOlderVersion(String a, String b) {
        return ApiVersion.require(a, "version").isOlderThan(ApiVersion.require(b, "version"));
    }

    /** The issuer by {@link OAuthPolicy#checkIssuer}'s rule, a trailing slash forgiven. */
    private static String checkIssuer(String issuer) {
        String trimmed = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
        try {
            return OAuthPolicy.checkIssuer(trimmed);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("issuer " + e.getMessage() + ": " + issuer, e);
        }
    }

    /**
     * A token bucket: at most {@code requests} at once, refilled evenly over {@code per}.
     */
    public record RateLimit(int requests, Duration per) {
        public RateLimit {
            Objects.requireNonNull(per, "per");
            if (requests < 1) {
                throw new IllegalArgumentException("requests must be positive");
            }
            if (per.isNegative() || per.isZero()) {
                throw new IllegalArgumentException("per must be positive");
            }
        }

        public static RateLimit perMinute(int requests) {
            return new RateLimit(requests, Duration.ofMinutes(1));
        }
    }

    /** Builds {@link HttpSettings}; every setter has a default. */
    public static final class Builder {
        private final String issuer;
        private String latestVersion = DEFAULT_LATEST_VERSION;
        private String minimumVersion = DEFAULT_MINIMUM_VERSION;
        private boolean maintenance;
        private Duration retryAfter = Duration.ofSeconds(30);
        private RateLimit tokenPerClient = RateLimit.perMinute(DEFAULT_TOKEN_REQUESTS_PER_MINUTE);
        private RateLimit signInPerAddress = RateLimit.perMinute(30);
        private boolean allowPlainPkce = OAuthPolicy.DEFAULT_ALLOW_PLAIN_PKCE;
        private ScopeSet scopeCatalogue = OAuthPolicy.DEFAULT_SCOPE_CATALOGUE;
        private long maxBodyBytes = 64 * 1024;
        private int maxConcurrentUseCases = 256;
        private int serverInstances = Runtime.getRuntime().availableProcessors();
        private Duration shutdownGrace = Duration.ofSeconds(30);
        private Clock clock = Clock.systemUTC();
        private Set<String> corsOrigins = Set.of();
        private List<String> trustedProxies = List.of();
        private Timeouts timeouts = Timeouts.DEFAULT;
        private boolean requirePushedAuthorizationRequests = PushedRequestPolicy.DEFAULT_REQUIRED_FOR_ALL_CLIENTS;

        private Builder(String issuer) {
            this.issuer = Objects.requireNonNull(issuer, "issuer");
        }

        public Builder versions(String latest, String minimum) {
            this.latestVersion = latest;
            this.minimumVersion = minimum;
            return this;
        }

        public Builder maintenance(boolean on) {
            this.maintenance = on;
            return this;
        }

        public Builder retryAfter(Duration value) {
            this.retryAfter = value;
            return this;
        }

        public Builder tokenPerClient(RateLimit limit) {
            this.tokenPerClient = limit;
            return this;
        }

        public Builder signInPerAddress(RateLimit limit) {
            this.signInPerAddress = limit;
            return this;
        }

        public Builder allowPlainPkce(boolean allowed) {
            this.allowPlainPkce = allowed;
            return this;
        }

        public Builder scopeCatalogue(ScopeSet scopes) {
            this.scopeCatalogue = scopes;
            return this;
        }

        public Builder maxBodyBytes(long bytes) {
            this.maxBodyBytes = bytes;
            return this;
        }

        public Builder maxConcurrentUseCases(int count) {
            this.maxConcurrentUseCases = count;
            return this;
        }

        public Builder serverInstances(int count) {
            this.serverInstances = count;
            return this;
        }

        public Builder shutdownGrace(Duration grace) {
            this.shutdownGrace = grace;
            return this;
        }

        public Builder clock(Clock value) {
            this.clock = value;
            return this;
        }

        public Builder corsOrigins(Collection<String> origins) {
            this.corsOrigins = Set.copyOf(origins);
            return this;
        }

        public Builder trustedProxies(Collection<String> blocks) {
            this.trustedProxies = List.copyOf(blocks);
            return this;
        }

        public Builder timeouts(Timeouts value) {
            this.timeouts = value;
            return this;
        }

        public Builder requirePushedAuthorizationRequests(boolean required) {
            this.requirePushedAuthorizationRequests = required;
            return this;
        }

        public HttpSettings build() {
            return new HttpSettings(issuer, latestVersion, minimumVersion, maintenance, retryAfter, tokenPerClient,
                    signInPerAddress, allowPlainPkce, scopeCatalogue, maxBodyBytes, maxConcurrentUseCases,
                    serverInstances, shutdownGrace, clock, corsOrigins, trustedProxies, timeouts,
                    requirePushedAuthorizationRequests);
        }
    }

    /**
     * What keeps slow or silent clients (slowloris) from holding connections open forever.
     *
     * @param idle    a connection that sends and receives nothing for this long is closed (the
     *                time a keep-alive connection may wait between requests; keep it above the load
     *                balancer's own idle timeout, so the balancer closes first)
     * @param request a request must arrive whole, head and body, within this time of its first
     *                byte, and a new connection must send its first request within it; otherwise
     *                the connection is closed
     */
    public record Timeouts(Duration idle, Duration request) {
        public static final Timeouts DEFAULT = new Timeouts(Duration.ofSeconds(75), Duration.ofSeconds(15));

        public Timeouts {
            Objects.requireNonNull(idle, "idle");
            Objects.requireNonNull(request, "request");
            if (idle.toMillis() < 1000 || request.toMillis() < 100) {
                throw new IllegalArgumentException("The idle timeout must be at least 1 s and the request timeout 100 ms");
            }
        }
    }
}
