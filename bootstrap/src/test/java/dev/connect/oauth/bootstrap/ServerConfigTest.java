package dev.connect.oauth.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.connect.oauth.adapter.http.HttpSettings;
import dev.connect.oauth.application.AbuseLimits;
import dev.connect.oauth.application.DpopPolicy;
import dev.connect.oauth.application.PushedRequestPolicy;
import dev.connect.oauth.application.TokenCachePolicy;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerConfigTest {
    private static final String KEY = "ck_" + "A".repeat(43);
    private static final String KEK = "q".repeat(43) + "=";

    @Test
    void fromWhenEmptyThenDefaultsOfApiMd() {
        ServerConfig config = ServerConfig.from(Map.of());

        assertThat(config.httpHost()).isEqualTo("0.0.0.0");
        assertThat(config.httpPort()).isEqualTo(8080);
        assertThat(config.issuer()).isEqualTo("http://localhost:8080");
        assertThat(config.dataDir()).isEqualTo(Path.of("./data"));
        assertThat(config.database()).isEmpty();
        assertThat(config.bootstrapAdmin()).isEmpty();
        assertThat(config.scopes()).hasToString("actions connect tests triggers");
        assertThat(config.accessTokenTtl()).isEqualTo(Duration.ofHours(1));
        assertThat(config.codeTtl()).isEqualTo(Duration.ofSeconds(60));
        assertThat(config.retryGrace()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.deviceCodeTtl()).isEqualTo(Duration.ofMinutes(10));
        assertThat(config.deviceInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.latestApiVersion()).isEqualTo("1.8.0");
        assertThat(config.minimumApiVersion()).isEqualTo("1.0.0");
        assertThat(config.maintenance()).isFalse();
        assertThat(config.adminHost()).isEqualTo("127.0.0.1");
        assertThat(config.adminPort()).isEqualTo(9090);
        assertThat(config.dbMigrationWait()).isEqualTo(Duration.ofMinutes(10));
        assertThat(config.dbSocketTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(ServerConfig.from(Map.of("CONNECT_DB_SOCKET_TIMEOUT_SECONDS", "2")).dbSocketTimeout())
                .isEqualTo(Duration.ofSeconds(2));
        assertThat(config.maintenanceRefresh()).isEqualTo(Duration.ofSeconds(1));
        assertThat(config.trustedProxies()).isEmpty();
        assertThat(config.abuseLimits()).isEqualTo(AbuseLimits.defaults());
    }

    @Test
    void fromWhenMultiHostDatabaseUrlThenAcceptedAndItsPasswordHidden() {
        String url = "jdbc:mysql://connect:s3cret-pa55@db1:3306,db2:3306/connect?failOverReadOnly=false";

        ServerConfig config = ServerConfig.from(Map.of("CONNECT_DB_URL", url, "CONNECT_KEK", KEK));

        assertThat(config.database()).hasValueSatisfying(database -> assertThat(database.url()).isEqualTo(url));
        assertThat(config.toString()).doesNotContain("s3cret-pa55").contains("db1:3306,db2:3306");
        assertThat(ServerConfig.from(Map.of("CONNECT_DB_URL", "jdbc:mysql:loadbalance://db1,db2/connect",
                "CONNECT_KEK", KEK)).database())
                .isPresent();
    }

    @Test
    void fromWhenDeviceGrantSettingsGivenThenKept() {
        ServerConfig config = ServerConfig.from(Map.of("CONNECT_DEVICE_CODE_TTL_SECONDS", "300",
                "CONNECT_DEVICE_POLL_INTERVAL_SECONDS", "2"));

        assertThat(config.deviceCodeTtl()).isEqualTo(Duration.ofMinutes(5));
        assertThat(config.deviceInterval()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void fromWhenRetryGraceZeroThenOff() {
        assertThat(ServerConfig.from(Map.of("CONNECT_RETRY_GRACE_SECONDS", "0")).retryGrace()).isZero();
    }

    @Test
    void fromWhenSharedStateSettingsGivenThenKept() {
        ServerConfig config = ServerConfig.from(Map.of(
                "CONNECT_MAINTENANCE_REFRESH_MILLIS", "250",
                "CONNECT_TRUSTED_PROXIES", "10.0.0.0/8, 2001:db8::/32 192.0.2.1",
                "CONNECT_SIGN_IN_FAILURES_PER_ACCOUNT", "50",
                "CONNECT_SIGN_IN_FAILURES_PER_SOURCE", "1000",
                "CONNECT_SIGN_IN_FAILURES_PER_ACCOUNT_AND_SOURCE", "5",
                "CONNECT_CLIENT_AUTH_FAILURES_PER_SOURCE", "7"));

        assertThat(config.maintenanceRefresh()).isEqualTo(Duration.ofMillis(250));
        assertThat(config.trustedProxies()).containsExactly("10.0.0.0/8", "2001:db8::/32", "192.0.2.1");
        assertThat(config.abuseLimits()).isEqualTo(new AbuseLimits(50, 1000, 5, Duration.ofHours(1), 7,
                Duration.ofMinutes(5)));
    }

    @Test
    void fromWhenTokenCacheSettingsGivenThenKeptElseTheDefaults() {
        assertThat(ServerConfig.from(Map.of()).tokenCache()).isEqualTo(TokenCachePolicy.defaults());
        ServerConfig config = ServerConfig.from(Map.of("CONNECT_TOKEN_CACHE_SIZE", "0",
                "CONNECT_REVOCATION_DELAY_MILLIS", "250", "CONNECT_CLOCK_SKEW_MILLIS", "2000"));

        assertThat(config.tokenCache()).isEqualTo(new TokenCachePolicy(0, Duration.ofMillis(250), Duration.ofSeconds(2)));
        assertThat(config.tokenCache().pollInterval()).isEqualTo(Duration.ofMillis(125));
        assertThatThrownBy(() -> ServerConfig.from(Map.of("CONNECT_REVOCATION_DELAY_MILLIS", "50")))
                .hasMessageStartingWith("CONNECT_REVOCATION_DELAY_MILLIS").hasMessageNotContaining("\n");
        assertThatThrownBy(() -> ServerConfig.from(Map.of("CONNECT_TOKEN_CACHE_SIZE", "-1")))
                .hasMessageStartingWith("CONNECT_TOKEN_CACHE_SIZE");
    }

    @Test
    void fromWhenPushedRequestSettingsGivenThenKeptElseTheDefaults() {
        assertThat(ServerConfig.from(Map.of()).pushedRequests()).isEqualTo(PushedRequestPolicy.DEFAULTS);
        ServerConfig config = ServerConfig.from(Map.of("CONNECT_PAR_TTL_SECONDS", "90", "CONNECT_REQUIRE_PAR", "true"));

        assertThat(config.pushedRequests()).isEqualTo(new PushedRequestPolicy(Duration.ofSeconds(90), true));
        assertBad(Map.of("CONNECT_PAR_TTL_SECONDS", "601"), "CONNECT_PAR_TTL_SECONDS");
        assertBad(Map.of("CONNECT_PAR_TTL_SECONDS", "0"), "CONNECT_PAR_TTL_SECONDS");
        assertBad(Map.of("CONNECT_REQUIRE_PAR", "yes"), "CONNECT_REQUIRE_PAR");
    }

    @Test
    void fromWhenDpopSettingsGivenThenKeptElseTheDefaults() {
        assertThat(ServerConfig.from(Map.of()).dpop()).isEqualTo(DpopPolicy.defaults());
        ServerConfig config = ServerConfig.from(Map.of("CONNECT_DPOP_NONCE_REQUIRED", "true",
                "CONNECT_DPOP_PROOF_WINDOW_SECONDS", "30"));

        assertThat(config.dpop().nonceRequired()).isTrue();
        assertThat(config.dpop().proofWindow()).isEqualTo(Duration.ofSeconds(30));
        assertBad(Map.of("CONNECT_DPOP_NONCE_REQUIRED", "yes"), "CONNECT_DPOP_NONCE_REQUIRED");
        assertBad(Map.of("CONNECT_DPOP_PROOF_WINDOW_SECONDS", "0"), "CONNECT_DPOP_PROOF_WINDOW_SECONDS");
        assertBad(Map.of("CONNECT_DPOP_PROOF_WINDOW_SECONDS", "601"), "CONNECT_DPOP_PROOF_WINDOW_SECONDS");
    }

    @Test
    void fromWhenPortGivenThenIssuerFollowsIt() {
        assertThat(ServerConfig.from(Map.of("CONNECT_HTTP_PORT", "9090")).issuer()).isEqualTo("http://localhost:9090");
    }

    @Test
    void fromWhenDatabaseUrlGivenThenMySqlWithCredentials() {
        ServerConfig config = ServerConfig.from(Map.of(
                "CONNECT_DB_URL", "jdbc:mysql://127.0.0.1:3306/connect",
                "CONNECT_KEK", KEK,
                "CONNECT_DB_USER", "connect",
                "CONNECT_DB_PASSWORD", "s3cret"));

        assertThat(config.database()).hasValueSatisfying(db -> {
            assertThat(db.url()).isEqualTo("jdbc:mysql://127.0.0.1:3306/connect");
            assertThat(db.user()).isEqualTo("connect");
            assertThat(db.password()).isEqualTo("s3cret");
            assertThat(db.toString()).doesNotContain("s3cret");
        });
    }

    @Test
    void fromWhenBootstrapAdminGivenThenKeptButNeverPrinted() {
        ServerConfig config = ServerConfig.from(Map.of(
                "CONNECT_BOOTSTRAP_ADMIN_EMAIL", "admin@example.com", "CONNECT_BOOTSTRAP_ADMIN_API_KEY", KEY));

        assertThat(config.bootstrapAdmin()).hasValueSatisfying(admin -> {
            assertThat(admin.apiKey()).isEqualTo(KEY);
            assertThat(admin.toString()).doesNotContain(KEY);
        });
        assertThat(config.toString()).doesNotContain(KEY);
    }

    @Test
    void fromWhenMySqlWithoutKekThenRefusedNamingTheVariable() {
        assertThatThrownBy(() -> ServerConfig.from(Map.of("CONNECT_DB_URL", "jdbc:mysql://127.0.0.1:3306/connect")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("CONNECT_KEK (or CONNECT_KEK_FILE) is required with CONNECT_DB_URL")
                .hasMessageNotContaining("\n");
    }

    @Test
    void fromWhenKekGivenThenKeptButNeverPrinted(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("kek"), KEK + "\n");

        ServerConfig config = ServerConfig.from(Map.of("CONNECT_KEK_FILE", file.toString(), "CONNECT_KEK_PREVIOUS",
                "A".repeat(43) + "="));

        assertThat(config.kek()).isPresent();
        assertThat(config.previousKek()).isPresent().isNotEqualTo(config.kek());
        assertThat(config.toString()).doesNotContain(KEK).doesNotContain("AAAA");
        assertThat(ServerConfig.from(Map.of()).kek()).isEmpty();
    }

    @Test
    void fromWhenHardeningValuesGivenThenRead() {
        ServerConfig config = ServerConfig.from(Map.of("CONNECT_PASSWORD_HASH_CONCURRENCY", "3",
                "CONNECT_PURGE_INTERVAL_SECONDS", "60", "CONNECT_AUDIT_RETENTION_DAYS", "30",
                "CONNECT_REFRESH_TOKEN_MAX_LIFETIME_DAYS", "10"));

        assertThat(config.passwordHashConcurrency()).isEqualTo(3);
        assertThat(config.purgeInterval()).isEqualTo(Duration.ofMinutes(1));
        assertThat(config.auditRetention()).isEqualTo(Duration.ofDays(30));
        assertThat(config.refreshTokenMaxLifetime()).isEqualTo(Duration.ofDays(10));
        ServerConfig defaults = ServerConfig.from(Map.of());
        assertThat(defaults.purgeInterval()).isEqualTo(Duration.ofHours(1));
        assertThat(defaults.auditRetention()).isEqualTo(Duration.ofDays(90));
        assertThat(defaults.refreshTokenMaxLifetime()).isEqualTo(Duration.ofDays(90));
        assertThat(defaults.passwordHashConcurrency()).isEqualTo(Runtime.getRuntime().availableProcessors());
    }

    /** Off only for a rolling upgrade beside nodes that find tokens by their hash alone. */
    @Test
    void fromWhenTimedTokenKeysGivenThenReadElseOn() {
        assertThat(ServerConfig.from(Map.of()).timedTokenKeys()).isTrue();
        assertThat(ServerConfig.from(Map.of("CONNECT_TIMED_TOKEN_KEYS", "false")).timedTokenKeys()).isFalse();
        assertBad(Map.of("CONNECT_TIMED_TOKEN_KEYS", "no"), "CONNECT_TIMED_TOKEN_KEYS");
    }

    @Test
    void fromWhenValueBadThenOneLineNamingTheVariable() {
        assertBad(Map.of("CONNECT_HTTP_PORT", "http"), "CONNECT_HTTP_PORT");
        assertBad(Map.of("CONNECT_HTTP_PORT", "70000"), "CONNECT_HTTP_PORT");
        assertBad(Map.of("CONNECT_ADMIN_PORT", "x"), "CONNECT_ADMIN_PORT");
        assertBad(Map.of("CONNECT_ADMIN_HOST", "bad host"), "CONNECT_ADMIN_HOST");
        assertBad(Map.of("CONNECT_ISSUER", "ftp://example.com"), "CONNECT_ISSUER");
        assertBad(Map.of("CONNECT_ISSUER", "https://example.com/"), "CONNECT_ISSUER");
        assertBad(Map.of("CONNECT_DB_URL", "postgres://x"), "CONNECT_DB_URL");
        assertBad(Map.of("CONNECT_DB_MIGRATION_WAIT_SECONDS", "0"), "CONNECT_DB_MIGRATION_WAIT_SECONDS");
        assertBad(Map.of("CONNECT_DB_SOCKET_TIMEOUT_SECONDS", "0"), "CONNECT_DB_SOCKET_TIMEOUT_SECONDS");
        assertBad(Map.of("CONNECT_KEK", "c2VjcmV0"), "CONNECT_KEK");
        assertBad(Map.of("CONNECT_KEK_FILE", "/nonexistent/kek"), "CONNECT_KEK_FILE");
        assertBad(Map.of("CONNECT_KEK", KEK, "CONNECT_KEK_FILE", "/x"), "CONNECT_KEK");
        assertBad(Map.of("CONNECT_KEK_PREVIOUS", KEK), "CONNECT_KEK_PREVIOUS");
        assertBad(Map.of("CONNECT_PASSWORD_HASH_CONCURRENCY", "0"), "CONNECT_PASSWORD_HASH_CONCURRENCY");
        assertBad(Map.of("CONNECT_PURGE_INTERVAL_SECONDS", "0"), "CONNECT_PURGE_INTERVAL_SECONDS");
        assertBad(Map.of("CONNECT_AUDIT_RETENTION_DAYS", "x"), "CONNECT_AUDIT_RETENTION_DAYS");
        assertBad(Map.of("CONNECT_REFRESH_TOKEN_MAX_LIFETIME_DAYS", "0"), "CONNECT_REFRESH_TOKEN_MAX_LIFETIME_DAYS");
        assertBad(Map.of("CONNECT_ALLOW_PLAIN_PKCE", "yes"), "CONNECT_ALLOW_PLAIN_PKCE");
        assertBad(Map.of("CONNECT_CODE_TTL_SECONDS", "601"), "CONNECT_CODE_TTL_SECONDS");
        assertBad(Map.of("CONNECT_RETRY_GRACE_SECONDS", "-1"), "CONNECT_RETRY_GRACE_SECONDS");
        assertBad(Map.of("CONNECT_RETRY_GRACE_SECONDS", "61"), "CONNECT_RETRY_GRACE_SECONDS");
        assertBad(Map.of("CONNECT_DEVICE_CODE_TTL_SECONDS", "3601"), "CONNECT_DEVICE_CODE_TTL_SECONDS");
        assertBad(Map.of("CONNECT_DEVICE_POLL_INTERVAL_SECONDS", "0"), "CONNECT_DEVICE_POLL_INTERVAL_SECONDS");
        assertBad(Map.of("CONNECT_API_VERSION_LATEST", "1.8"), "CONNECT_API_VERSION_LATEST");
        // The HTTP adapter reads no leading zeros: a value it would refuse must not pass here.
        assertBad(Map.of("CONNECT_API_VERSION_LATEST", "01.8.0"), "CONNECT_API_VERSION_LATEST");
        assertBad(Map.of("CONNECT_API_VERSION_MINIMUM", "2.0.0"), "CONNECT_API_VERSION_MINIMUM");
        assertBad(Map.of("CONNECT_SCOPES", "connect \"bad"), "CONNECT_SCOPES");
        assertBad(Map.of("CONNECT_BOOTSTRAP_ADMIN_EMAIL", "not-an-email", "CONNECT_BOOTSTRAP_ADMIN_API_KEY", KEY),
                "CONNECT_BOOTSTRAP_ADMIN_EMAIL");
        assertBad(Map.of("CONNECT_BOOTSTRAP_ADMIN_EMAIL", "a@example.com", "CONNECT_BOOTSTRAP_ADMIN_API_KEY", "ck_short"),
                "CONNECT_BOOTSTRAP_ADMIN_API_KEY");
        assertBad(Map.of("CONNECT_BOOTSTRAP_ADMIN_EMAIL", "a@example.com"), "CONNECT_BOOTSTRAP_ADMIN_EMAIL");
        assertBad(Map.of("CONNECT_HTTP_IDLE_TIMEOUT_SECONDS", "0"), "CONNECT_HTTP_IDLE_TIMEOUT_SECONDS");
        assertBad(Map.of("CONNECT_HTTP_REQUEST_TIMEOUT_SECONDS", "soon"), "CONNECT_HTTP_REQUEST_TIMEOUT_SECONDS");
        assertBad(Map.of("CONNECT_MAINTENANCE_REFRESH_MILLIS", "10"), "CONNECT_MAINTENANCE_REFRESH_MILLIS");
        assertBad(Map.of("CONNECT_TRUSTED_PROXIES", "proxy.example.com"), "CONNECT_TRUSTED_PROXIES");
        assertBad(Map.of("CONNECT_TRUSTED_PROXIES", "10.0.0.0/33"), "CONNECT_TRUSTED_PROXIES");
        // ASVS 2.2.1: never more than 100 failed attempts per account and hour.
        assertBad(Map.of("CONNECT_SIGN_IN_FAILURES_PER_ACCOUNT", "101"), "CONNECT_SIGN_IN_FAILURES_PER_ACCOUNT");
        assertBad(Map.of("CONNECT_CLIENT_AUTH_FAILURES_PER_SOURCE", "0"), "CONNECT_CLIENT_AUTH_FAILURES_PER_SOURCE");
    }

    @Test
    void fromWhenHttpTimeoutsGivenThenKeptElseTheAdapterDefaults() {
        ServerConfig config = ServerConfig.from(Map.of("CONNECT_HTTP_IDLE_TIMEOUT_SECONDS", "120",
                "CONNECT_HTTP_REQUEST_TIMEOUT_SECONDS", "5"));

        assertThat(config.httpTimeouts()).isEqualTo(new HttpSettings.Timeouts(Duration.ofSeconds(120), Duration.ofSeconds(5)));
        assertThat(ServerConfig.from(Map.of()).httpTimeouts()).isEqualTo(HttpSettings.Timeouts.DEFAULT);
    }

    @Test
    void fromWhenCorsOriginsGivenThenSpaceOrCommaSeparatedList() {
        ServerConfig config = ServerConfig.from(Map.of("CONNECT_CORS_ORIGINS",
                " https://app.example.com,http://localhost:3000  http://127.0.0.1:8081 ,"));

        assertThat(config.corsOrigins())
                .containsExactlyInAnyOrder("https://app.example.com", "http://localhost:3000", "http://127.0.0.1:8081");
        assertThat(ServerConfig.from(Map.of()).corsOrigins()).isEmpty();
    }

    @Test
    void fromWhenCorsOriginNotAnExactOriginThenOneLineNamingIt() {
        for (String bad : new String[] {"*", "https://app.example.com/", "https://app.example.com/spa",
                "https://app.example.com?x=1", "https://app.example.com#top", "ftp://app.example.com", "app.example.com",
                "https://app.example.com, *"}) {
            assertBad(Map.of("CONNECT_CORS_ORIGINS", bad), "CONNECT_CORS_ORIGINS is invalid: ");
        }
        assertThatThrownBy(() -> ServerConfig.from(Map.of("CONNECT_CORS_ORIGINS", "http://localhost:3000 https://x.example/")))
                .hasMessageContaining("https://x.example/");
    }

    @Test
    void fromWhenSecretValueBadThenMessageDoesNotEchoIt() {
        assertThatThrownBy(() -> ServerConfig.from(Map.of(
                "CONNECT_BOOTSTRAP_ADMIN_EMAIL", "a@example.com", "CONNECT_BOOTSTRAP_ADMIN_API_KEY", "ck_leaky-secret")))
                .hasMessageNotContaining("leaky-secret");
    }

    @Test
    void fromWhenConfigFileGivenThenEnvironmentOverridesIt(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("connect.properties");
        Files.writeString(file, "CONNECT_HTTP_PORT=9000\nCONNECT_HTTP_HOST=127.0.0.1\n");

        ServerConfig config = ServerConfig.from(Map.of("CONNECT_CONFIG_FILE", file.toString(), "CONNECT_HTTP_PORT", "9001"));

        assertThat(config.httpPort()).isEqualTo(9001);
        assertThat(config.httpHost()).isEqualTo("127.0.0.1");
    }

    @Test
    void fromWhenConfigFileMissingThenNamesTheVariable(@TempDir Path dir) {
        assertBad(Map.of("CONNECT_CONFIG_FILE", dir.resolve("absent.properties").toString()), "CONNECT_CONFIG_FILE");
    }

    @Test
    void fromWhenNothingSaidThenPlainLogsAndNoSpansRecorded() {
        ServerConfig.Observability observability = ServerConfig.from(Map.of()).observability();

        assertThat(observability.logFormat()).isEqualTo(ServerConfig.LogFormat.PLAIN);
        assertThat(observability.otlpEndpoint()).isEmpty();
        assertThat(observability.sampleRatio()).isEqualTo(1.0);
    }

    @Test
    void fromWhenOtlpExporterOnThenEndpointFromConnectVariableElseStandardOneElseLocalCollector() {
        assertThat(ServerConfig.from(Map.of("CONNECT_OTEL_EXPORTER", "otlp")).observability().otlpEndpoint())
                .contains(URI.create("http://localhost:4318"));
        assertThat(ServerConfig.from(Map.of("CONNECT_OTEL_EXPORTER", "otlp",
                "OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318/")).observability().otlpEndpoint())
                .contains(URI.create("http://collector:4318"));
        assertThat(ServerConfig.from(Map.of("CONNECT_OTEL_EXPORTER", "otlp",
                "OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318",
                "CONNECT_OTEL_ENDPOINT", "https://otel.example.com")).observability().otlpEndpoint())
                .contains(URI.create("https://otel.example.com"));
        assertThat(ServerConfig.from(Map.of("CONNECT_OTEL_ENDPOINT", "https://otel.example.com")).observability()
                .otlpEndpoint()).isEmpty();
    }

    @Test
    void fromWhenJsonLogsAndRatioGivenThenKept() {
        ServerConfig.Observability observability = ServerConfig.from(Map.of(
                "CONNECT_LOG_FORMAT", "json", "CONNECT_OTEL_SAMPLE_RATIO", "0.25")).observability();

        assertThat(observability.logFormat()).isEqualTo(ServerConfig.LogFormat.JSON);
        assertThat(observability.sampleRatio()).isEqualTo(0.25);
    }

    @Test
    void fromWhenObservabilityValueBadThenNamesTheVariable() {
        assertBad(Map.of("CONNECT_LOG_FORMAT", "xml"), "CONNECT_LOG_FORMAT");
        assertBad(Map.of("CONNECT_OTEL_EXPORTER", "zipkin"), "CONNECT_OTEL_EXPORTER");
        assertBad(Map.of("CONNECT_OTEL_EXPORTER", "otlp", "CONNECT_OTEL_ENDPOINT", "collector:4318"), "CONNECT_OTEL_ENDPOINT");
        assertBad(Map.of("CONNECT_OTEL_EXPORTER", "otlp", "OTEL_EXPORTER_OTLP_ENDPOINT", "ftp://x"), "OTEL_EXPORTER_OTLP_ENDPOINT");
        assertBad(Map.of("CONNECT_OTEL_SAMPLE_RATIO", "1.5"), "CONNECT_OTEL_SAMPLE_RATIO");
        assertBad(Map.of("CONNECT_OTEL_SAMPLE_RATIO", "NaN"), "CONNECT_OTEL_SAMPLE_RATIO");
    }

    private static void assertBad(Map<String, String> environment, String variable) {
        assertThatThrownBy(() -> ServerConfig.from(environment))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(variable)
                .hasMessageNotContaining("\n");
    }
}
