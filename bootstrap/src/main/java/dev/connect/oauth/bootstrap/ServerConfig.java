package dev.connect.oauth.bootstrap;

import dev.connect.oauth.adapter.crypto.KeyEncryptionKey;
import dev.connect.oauth.adapter.crypto.PairwiseSecret;
import dev.connect.oauth.adapter.http.HttpSettings;
import dev.connect.oauth.adapter.persistence.DatabaseSettings;
import dev.connect.oauth.application.AbuseLimits;
import dev.connect.oauth.application.DpopPolicy;
import dev.connect.oauth.application.OAuthPolicy;
import dev.connect.oauth.application.PushedRequestPolicy;
import dev.connect.oauth.application.TokenCachePolicy;
import dev.connect.oauth.domain.ApiKey;
import dev.connect.oauth.domain.AuthorizationCode;
import dev.connect.oauth.domain.DeviceAuthorization;
import dev.connect.oauth.domain.Email;
import dev.connect.oauth.domain.OAuthException;
import dev.connect.oauth.domain.PushedAuthorizationRequest;
import dev.connect.oauth.domain.ScopeSet;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The server's whole configuration, read once at start from environment variables (and an
 * optional properties file named by {@code CONNECT_CONFIG_FILE}, which the environment overrides).
 * Nothing else reads the environment. Every value is validated here: a bad one stops the start with
 * a one-line message naming the variable.
 */
public record ServerConfig(String httpHost, int httpPort, String adminHost, int adminPort, String issuer,
                           Path dataDir,
                           Optional<Database> database, Optional<BootstrapAdmin> bootstrapAdmin,
                           ScopeSet scopes, Duration accessTokenTtl, Duration refreshTokenTtl, Duration codeTtl,
                           Duration sessionTtl, boolean allowPlainPkce, Duration retryGrace, String latestApiVersion,
                           String minimumApiVersion, boolean maintenance, int dbPoolSize, Duration dbMigrationWait,
                           Duration dbSocketTimeout,
                           int tokenRequestsPerMinute, Set<String> corsOrigins, HttpSettings.Timeouts httpTimeouts,
                           Duration maintenanceRefresh, List<String> trustedProxies, AbuseLimits abuseLimits,
                           Observability observability, Optional<KeyEncryptionKey> kek,
                           Optional<KeyEncryptionKey> previousKek, int passwordHashConcurrency, Duration purgeInterval,
                           Duration auditRetention, Duration refreshTokenMaxLifetime, Duration clientCacheTtl,
                           TokenCachePolicy tokenCache, PushedRequestPolicy pushedRequests, Duration deviceCodeTtl,
                           Duration deviceInterval, DpopPolicy dpop, Optional<PairwiseSecret> pairwiseSecret,
                           boolean timedTokenKeys) {

    /** MySQL instead of the embedded database. {@link #toString()} hides the password. */
    public record Database(String url, String user, String password) {
        @Override
        public String toString() {
            return "Database[url=" + DatabaseSettings.redacted(url) + ", user=" + user + ", password=redacted]";
        }
    }

    /** The first admin, created on start while no admin exists. {@link #toString()} hides the key. */
    public record BootstrapAdmin(String email, String apiKey) {
        @Override
        public String toString() {
            return "BootstrapAdmin[email=" + email + ", apiKey=redacted]";
        }
    }

    /** How log lines are written ({@code CONNECT_LOG_FORMAT}). */
    public enum LogFormat {
        /** One human-readable line per event: the default. */
        PLAIN,
        /** One JSON object per line, with the request and trace ids as fields when known. */
        JSON
    }

    /**
     * What the server tells operators beyond {@code /metrics}.
     *
     * @param logFormat    how log lines are written
     * @param otlpEndpoint the base URL of the OTLP/HTTP collector spans are exported to
     *                     ({@code /v1/traces} is appended); empty: no span is recorded or exported
     * @param sampleRatio  the share of new traces recorded (0 to 1); a caller's sampled trace is always followed
     */
    public record Observability(LogFormat logFormat, Optional<URI> otlpEndpoint, double sampleRatio) {
        public Observability {
            Objects.requireNonNull(logFormat, "logFormat");
            Objects.requireNonNull(otlpEndpoint, "otlpEndpoint");
            if (!(sampleRatio >= 0 && sampleRatio <= 1)) {
                throw new IllegalArgumentException("sampleRatio must be from 0 to 1");
            }
        }
    }

    private static final Pattern LIST_SEPARATORS = Pattern.compile("[\\s,]+");

    public ServerConfig {
        Objects.requireNonNull(httpHost, "httpHost");
        Objects.requireNonNull(adminHost, "adminHost");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(bootstrapAdmin, "bootstrapAdmin");
        Objects.requireNonNull(scopes, "scopes");
        Objects.requireNonNull(accessTokenTtl, "accessTokenTtl");
        Objects.requireNonNull(refreshTokenTtl, "refreshTokenTtl");
        Objects.requireNonNull(codeTtl, "codeTtl");
        Objects.requireNonNull(sessionTtl, "sessionTtl");
        Objects.requireNonNull(latestApiVersion, "latestApiVersion");
        Objects.requireNonNull(minimumApiVersion, "minimumApiVersion");
        Objects.requireNonNull(dbMigrationWait, "dbMigrationWait");
        Objects.requireNonNull(dbSocketTimeout, "dbSocketTimeout");
        Objects.requireNonNull(corsOrigins, "corsOrigins");
        corsOrigins = Set.copyOf(corsOrigins);
        Objects.requireNonNull(httpTimeouts, "httpTimeouts");
        Objects.requireNonNull(maintenanceRefresh, "maintenanceRefresh");
        trustedProxies = List.copyOf(trustedProxies);
        Objects.requireNonNull(abuseLimits, "abuseLimits");
        Objects.requireNonNull(observability, "observability");
        Objects.requireNonNull(kek, "kek");
        Objects.requireNonNull(previousKek, "previousKek");
        Objects.requireNonNull(purgeInterval, "purgeInterval");
        Objects.requireNonNull(auditRetention, "auditRetention");
        Objects.requireNonNull(refreshTokenMaxLifetime, "refreshTokenMaxLifetime");
        Objects.requireNonNull(clientCacheTtl, "clientCacheTtl");
        Objects.requireNonNull(tokenCache, "tokenCache");
        Objects.requireNonNull(pushedRequests, "pushedRequests");
        Objects.requireNonNull(deviceCodeTtl, "deviceCodeTtl");
        Objects.requireNonNull(deviceInterval, "deviceInterval");
        Objects.requireNonNull(dpop, "dpop");
        Objects.requireNonNull(pairwiseSecret, "pairwiseSecret");
    }

    /** Reads the process environment (and {@code CONNECT_CONFIG_FILE}, if set). */
    public static ServerConfig fromEnvironment() {
        return from(System.getenv());
    }

    /** Reads a given environment: the one place variables are parsed. */
    public static ServerConfig from(Map<String, String> environment) {
        Variables vars = new Variables(withConfigFile(environment));
        int port = vars.get("CONNECT_HTTP_PORT", "8080", ServerConfig::port);
        String issuer = vars.get("CONNECT_ISSUER", "http://localhost:" + port, OAuthPolicy::checkIssuer);
        Optional<Database> database = vars.optional("CONNECT_DB_URL", ServerConfig::jdbcUrl)
                .map(url -> new Database(url, vars.get("CONNECT_DB_USER", "root", Function.identity()),
                        vars.get("CONNECT_DB_PASSWORD", "", Function.identity())));
        Optional<String> adminEmail = vars.optional("CONNECT_BOOTSTRAP_ADMIN_EMAIL", ServerConfig::email);
        Optional<String> adminKey = vars.optional("CONNECT_BOOTSTRAP_ADMIN_API_KEY", ServerConfig::apiKey);
        if (adminEmail.isPresent() != adminKey.isPresent()) {
            throw new ConfigException("CONNECT_BOOTSTRAP_ADMIN_EMAIL and CONNECT_BOOTSTRAP_ADMIN_API_KEY must be set together");
        }
        String latest = vars.get("CONNECT_API_VERSION_LATEST", HttpSettings.DEFAULT_LATEST_VERSION,
                HttpSettings::checkVersion);
        String minimum = vars.get("CONNECT_API_VERSION_MINIMUM", HttpSettings.DEFAULT_MINIMUM_VERSION,
                HttpSettings::checkVersion);
        if (HttpSettings.isOlderVersion(latest, minimum)) {
            throw new ConfigException("CONNECT_API_VERSION_MINIMUM must not be newer than CONNECT_API_VERSION_LATEST");
        }
        AbuseLimits defaults = AbuseLimits.defaults();
        int perAccountCeiling = AbuseLimits.MAX_FAILURES_PER_ACCOUNT_AND_HOUR;
        AbuseLimits limits = new AbuseLimits(
                vars.count("CONNECT_SIGN_IN_FAILURES_PER_ACCOUNT", defaults.signInFailuresPerAccount(), perAccountCeiling),
                vars.count("CONNECT_SIGN_IN_FAILURES_PER_SOURCE", defaults.signInFailuresPerSource(), 1_000_000),
                vars.count("CONNECT_SIGN_IN_FAILURES_PER_ACCOUNT_AND_SOURCE", defaults.signInFailuresPerAccountAndSource(),
                        perAccountCeiling),
                defaults.signInWindow(),
                vars.count("CONNECT_CLIENT_AUTH_FAILURES_PER_SOURCE", defaults.clientFailuresPerSource(), 1_000_000),
                defaults.clientFailureWindow());
        Optional<KeyEncryptionKey> kek = kek(vars);
        if (database.isPresent() && kek.isEmpty()) {
            throw new ConfigException("CONNECT_KEK (or CONNECT_KEK_FILE) is required with CONNECT_DB_URL: "
                    + "base64 of 32 random bytes that encrypts the signing keys in the database");
        }
        Optional<KeyEncryptionKey> previousKek = vars.optional("CONNECT_KEK_PREVIOUS", KeyEncryptionKey::parse);
        if (previousKek.isPresent() && kek.isEmpty()) {
            throw new ConfigException("CONNECT_KEK_PREVIOUS needs CONNECT_KEK (or CONNECT_KEK_FILE), the key to rewrap to");
        }
        return new ServerConfig(
                vars.get("CONNECT_HTTP_HOST", "0.0.0.0", ServerConfig::host),
                port,
                vars.get("CONNECT_ADMIN_HOST", "127.0.0.1", ServerConfig::host),
                vars.get("CONNECT_ADMIN_PORT", "9090", ServerConfig::port),
                issuer,
                vars.get("CONNECT_DATA_DIR", "./data", Path::of),
                database,
                adminEmail.map(email -> new BootstrapAdmin(email, adminKey.orElseThrow())),
                vars.get("CONNECT_SCOPES", OAuthPolicy.DEFAULT_SCOPE_CATALOGUE.toString(), ServerConfig::scopes),
                vars.get("CONNECT_ACCESS_TOKEN_TTL_SECONDS", seconds(OAuthPolicy.DEFAULT_ACCESS_TOKEN_TTL),
                        s -> seconds(s, Duration.ofDays(1))),
                vars.get("CONNECT_REFRESH_TOKEN_TTL_SECONDS", seconds(OAuthPolicy.DEFAULT_REFRESH_TOKEN_TTL),
                        s -> seconds(s, Duration.ofDays(365))),
                vars.get("CONNECT_CODE_TTL_SECONDS", seconds(AuthorizationCode.DEFAULT_TTL),
                        s -> seconds(s, AuthorizationCode.MAX_TTL)),
                vars.get("CONNECT_SESSION_TTL_SECONDS", seconds(OAuthPolicy.DEFAULT_SESSION_TTL),
                        s -> seconds(s, Duration.ofDays(30))),
                vars.get("CONNECT_ALLOW_PLAIN_PKCE", Boolean.toString(OAuthPolicy.DEFAULT_ALLOW_PLAIN_PKCE),
                        ServerConfig::bool),
                vars.get("CONNECT_RETRY_GRACE_SECONDS", Long.toString(OAuthPolicy.DEFAULT_RETRY_GRACE.toSeconds()),
                        s -> Duration.ofSeconds(intIn(s, 0, (int) OAuthPolicy.MAX_RETRY_GRACE.toSeconds()))),
                latest,
                minimum,
                vars.get("CONNECT_MAINTENANCE", "false", ServerConfig::bool),
                vars.get("CONNECT_DB_POOL_SIZE", "16", s -> intIn(s, 1, 512)),
                vars.get("CONNECT_DB_MIGRATION_WAIT_SECONDS", "600", s -> seconds(s, Duration.ofDays(1))),
                vars.get("CONNECT_DB_SOCKET_TIMEOUT_SECONDS", seconds(DatabaseSettings.DEFAULT_SOCKET_TIMEOUT),
                        s -> seconds(s, Duration.ofMinutes(5))),
                vars.count("CONNECT_TOKEN_RATE_LIMIT_PER_MINUTE", HttpSettings.DEFAULT_TOKEN_REQUESTS_PER_MINUTE, 10_000_000),
                vars.optional("CONNECT_CORS_ORIGINS", ServerConfig::origins).orElse(Set.of()),
                new HttpSettings.Timeouts(
                        vars.get("CONNECT_HTTP_IDLE_TIMEOUT_SECONDS", seconds(HttpSettings.Timeouts.DEFAULT.idle()),
                                s -> seconds(s, Duration.ofDays(1))),
                        vars.get("CONNECT_HTTP_REQUEST_TIMEOUT_SECONDS", seconds(HttpSettings.Timeouts.DEFAULT.request()),
                                s -> seconds(s, Duration.ofHours(1)))),
                vars.get("CONNECT_MAINTENANCE_REFRESH_MILLIS", "1000", s -> Duration.ofMillis(intIn(s, 100, 60_000))),
                vars.optional("CONNECT_TRUSTED_PROXIES", ServerConfig::trustedProxies).orElse(List.of()),
                limits,
                observability(vars),
                kek,
                previousKek,
                vars.get("CONNECT_PASSWORD_HASH_CONCURRENCY",
                        Integer.toString(Runtime.getRuntime().availableProcessors()), s -> intIn(s, 1, 256)),
                vars.get("CONNECT_PURGE_INTERVAL_SECONDS", "3600", s -> seconds(s, Duration.ofDays(7))),
                vars.get("CONNECT_AUDIT_RETENTION_DAYS", "90", s -> Duration.ofDays(intIn(s, 1, 36_500))),
                vars.get("CONNECT_REFRESH_TOKEN_MAX_LIFETIME_DAYS",
                        Long.toString(OAuthPolicy.DEFAULT_REFRESH_TOKEN_MAX_LIFETIME.toDays()),
                        s -> Duration.ofDays(intIn(s, 1, 3_650))),
                vars.get("CONNECT_CLIENT_CACHE_MILLIS", "1000", s -> Duration.ofMillis(intIn(s, 0, 60_000))),
                new TokenCachePolicy(
                        vars.get("CONNECT_TOKEN_CACHE_SIZE", Integer.toString(TokenCachePolicy.DEFAULT_MAX_ENTRIES),
                                s -> intIn(s, 0, 10_000_000)),
                        vars.get("CONNECT_REVOCATION_DELAY_MILLIS",
                                Long.toString(TokenCachePolicy.DEFAULT_REVOCATION_DELAY.toMillis()),
                                s -> Duration.ofMillis(intIn(s, 100, 60_000))),
                        vars.get("CONNECT_CLOCK_SKEW_MILLIS", Long.toString(TokenCachePolicy.DEFAULT_CLOCK_SKEW.toMillis()),
                                s -> Duration.ofMillis(intIn(s, 0, 300_000)))),
                new PushedRequestPolicy(
                        vars.get("CONNECT_PAR_TTL_SECONDS", seconds(PushedAuthorizationRequest.DEFAULT_TTL),
                                s -> seconds(s, PushedAuthorizationRequest.MAX_TTL)),
                        vars.get("CONNECT_REQUIRE_PAR",
                                Boolean.toString(PushedRequestPolicy.DEFAULT_REQUIRED_FOR_ALL_CLIENTS), ServerConfig::bool)),
                vars.get("CONNECT_DEVICE_CODE_TTL_SECONDS", seconds(OAuthPolicy.DEFAULT_DEVICE_CODE_TTL),
                        s -> seconds(s, DeviceAuthorization.MAX_TTL)),
                vars.get("CONNECT_DEVICE_POLL_INTERVAL_SECONDS", seconds(OAuthPolicy.DEFAULT_DEVICE_INTERVAL),
                        s -> seconds(s, Duration.ofMinutes(1))),
                new DpopPolicy(DpopPolicy.SUPPORTED_ALGORITHMS,
                        vars.get("CONNECT_DPOP_PROOF_WINDOW_SECONDS", seconds(DpopPolicy.DEFAULT_PROOF_WINDOW),
                                s -> Duration.ofSeconds(intIn(s, 1, 600))),
                        vars.get("CONNECT_DPOP_NONCE_REQUIRED", Boolean.toString(DpopPolicy.DEFAULT_NONCE_REQUIRED),
                                ServerConfig::bool),
                        DpopPolicy.DEFAULT_NONCE_LIFETIME),
                vars.optional("CONNECT_PAIRWISE_SECRET", PairwiseSecret::parse),
                vars.get("CONNECT_TIMED_TOKEN_KEYS", "true", ServerConfig::bool));
    }

    /**
     * The OTLP endpoint is {@code CONNECT_OTEL_ENDPOINT}, else the SDK's standard
     * {@code OTEL_EXPORTER_OTLP_ENDPOINT}, else a collector on this host; read only when
     * {@code CONNECT_OTEL_EXPORTER=otlp}.
     */
    private static Observability observability(Variables vars) {
        boolean otlp = vars.get("CONNECT_OTEL_EXPORTER", "none", value -> switch (value) {
            case "none" -> false;
            case "otlp" -> true;
            default -> throw new IllegalArgumentException("must be none or otlp");
        });
        Optional<URI> endpoint = Optional.empty();
        if (otlp) {
            String fallback = vars.get("OTEL_EXPORTER_OTLP_ENDPOINT", "http://localhost:4318", ServerConfig::collector)
                    .toString();
            endpoint = Optional.of(vars.get("CONNECT_OTEL_ENDPOINT", fallback, ServerConfig::collector));
        }
        return new Observability(
                vars.get("CONNECT_LOG_FORMAT", "plain", value -> switch (value) {
                    case "plain" -> LogFormat.PLAIN;
                    case "json" -> LogFormat.JSON;
                    default -> throw new IllegalArgumentException("must be plain or json");
                }),
                endpoint,
                vars.get("CONNECT_OTEL_SAMPLE_RATIO", "1", ServerConfig::ratio));
    }

    private static URI collector(String value) {
        try {
            URI uri = new URI(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
            boolean http = "https".equals(uri.getScheme()) || "http".equals(uri.getScheme());
            if (http && uri.getHost() != null && uri.getRawQuery() == null && uri.getRawFragment() == null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new IllegalArgumentException("must be an http(s) URL without query or fragment");
    }

    private static double ratio(String value) {
        try {
            double parsed = Double.parseDouble(value);
            if (parsed >= 0 && parsed <= 1) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("must be a number from 0 to 1");
    }

    /**
     * The key-encryption key of the signing keys, from {@code CONNECT_KEK} or the file
     * {@code CONNECT_KEK_FILE} names (one of them); empty when neither is set.
     */
    private static Optional<KeyEncryptionKey> kek(Variables vars) {
        Optional<KeyEncryptionKey> given = vars.optional("CONNECT_KEK", KeyEncryptionKey::parse);
        Optional<KeyEncryptionKey> fromFile = vars.optional("CONNECT_KEK_FILE", ServerConfig::kekFile);
        if (given.isPresent() && fromFile.isPresent()) {
            throw new ConfigException("CONNECT_KEK and CONNECT_KEK_FILE are both set: set one");
        }
        return given.or(() -> fromFile);
    }

    private static KeyEncryptionKey kekFile(String value) {
        return KeyEncryptionKey.readFile(Path.of(value));
    }

    private static Map<String, String> withConfigFile(Map<String, String> environment) {
        String file = environment.get("CONNECT_CONFIG_FILE");
        if (file == null || file.isBlank()) {
            return environment;
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of(file))) {
            properties.load(reader);
        } catch (IOException | RuntimeException e) {
            throw new ConfigException("CONNECT_CONFIG_FILE cannot be read: " + file);
        }
        Map<String, String> merged = new HashMap<>();
        properties.stringPropertyNames().forEach(name -> merged.put(name, properties.getProperty(name).strip()));
        merged.putAll(environment);
        return merged;
    }

    private static int port(String value) {
        return intIn(value, 0, 65535);
    }

    private static int intIn(String value, int min, int max) {
        try {
            int parsed = Integer.parseInt(value);
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("must be a whole number from " + min + " to " + max);
    }

    private static Duration seconds(String value, Duration max) {
        return Duration.ofSeconds(intIn(value, 1, (int) max.toSeconds()));
    }

    private static String seconds(Duration value) {
        return Long.toString(value.toSeconds());
    }

    private static boolean bool(String value) {
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("must be true or false");
        };
    }

    private static String host(String value) {
        if (value.isBlank() || value.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("must be a host name or address");
        }
        return value;
    }

    /** Origins separated by spaces or commas, each as browsers send it (the HTTP adapter's rule). */
    private static Set<String> origins(String value) {
        return Stream.of(LIST_SEPARATORS.split(value)).filter(origin -> !origin.isEmpty())
                .map(HttpSettings::checkOrigin).collect(Collectors.toUnmodifiableSet());
    }

    /** Address blocks separated by spaces or commas, each as the HTTP adapter reads it. */
    private static List<String> trustedProxies(String value) {
        return Stream.of(LIST_SEPARATORS.split(value)).filter(block -> !block.isEmpty())
                .map(HttpSettings::checkTrustedProxy).toList();
    }

    private static String jdbcUrl(String value) {
        if (!value.startsWith("jdbc:mysql://") && !value.startsWith("jdbc:mysql:loadbalance://")
                && !value.startsWith("jdbc:h2:")) {
            throw new IllegalArgumentException("must be a jdbc:mysql:// or jdbc:mysql:loadbalance:// (or jdbc:h2:) URL");
        }
        return value;
    }

    private static String email(String value) {
        Email.parse(value);
        return value;
    }

    private static String apiKey(String value) {
        ApiKey.parse(value);
        return value;
    }

    private static ScopeSet scopes(String value) {
        ScopeSet scopes = ScopeSet.parse(value);
        if (scopes.isEmpty()) {
            throw new IllegalArgumentException("must name at least one scope");
        }
        return scopes;
    }

    /** Looks variables up and turns a parse failure into a message naming the variable (never echoing its value, which may be secret). */
    private record Variables(Map<String, String> values) {
        <T> T get(String name, String fallback, Function<String, T> parser) {
            return optional(name, parser).orElseGet(() -> parser.apply(fallback));
        }

        /** A whole number from 1 to {@code max}, {@code fallback} when unset. */
        int count(String name, int fallback, int max) {
            return get(name, Integer.toString(fallback), value -> intIn(value, 1, max));
        }

        <T> Optional<T> optional(String name, Function<String, T> parser) {
            String raw = values.get(name);
            if (raw == null || raw.isBlank()) {
                return Optional.empty();
            }
            try {
                return Optional.of(parser.apply(raw.strip()));
            } catch (RuntimeException e) {
                String why = e instanceof OAuthException oauth ? oauth.description() : e.getMessage();
                throw new ConfigException(name + " is invalid: " + why);
            }
        }
    }
}
