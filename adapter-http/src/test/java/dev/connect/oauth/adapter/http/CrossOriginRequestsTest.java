package dev.connect.oauth.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connect.oauth.application.port.in.RegisteredClient;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** CORS (Fetch standard §3.2) on the endpoints a single-page app fetches, and nowhere else. */
class CrossOriginRequestsTest {
    private static final String APP = "https://app.example.com";
    private static final String DEV = "http://localhost:3000";
    private static final String CLIENT_CREDENTIALS = "grant_type=client_credentials";

    private final TestServer server = TestServer.start(settings -> settings.corsOrigins(List.of(APP, DEV)));

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void tokenWhenOriginAllowedThenAllowsThatOriginAndExposesHeaders() {
        RegisteredClient client = server.confidentialClient();

        Reply reply = server.postForm("/oauth/token", CLIENT_CREDENTIALS, "Authorization", TestServer.basic(client),
                "Origin", DEV);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Access-Control-Allow-Origin")).isEqualTo(DEV);
        assertThat(reply.header("Vary")).isEqualTo("Origin");
        assertThat(reply.header("Access-Control-Expose-Headers"))
                .isEqualTo("X-VERSION, X-VERSION-NOTICE, X-Request-Id, WWW-Authenticate, Retry-After, DPoP-Nonce");
        assertThat(reply.header("Access-Control-Allow-Credentials")).isNull();
    }

    @Test
    void tokenWhenOriginAllowedAndClientUnknownThen401CarriesCorsHeaders() {
        Reply reply = server.postForm("/token", CLIENT_CREDENTIALS + "&client_id=nobody&client_secret=wrong", "Origin", APP);

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.json().getString("error")).isEqualTo("invalid_client");
        assertThat(reply.header("Access-Control-Allow-Origin")).isEqualTo(APP);
        assertThat(reply.header("Access-Control-Expose-Headers")).contains("WWW-Authenticate");
    }

    @Test
    void preflightWhenOriginAllowedThen204WithThePathsMethods() {
        Reply token = preflight("/oauth/token", APP, "POST");
        Reply invalidate = preflight("/invalidate", APP, "POST");

        assertThat(token.status()).isEqualTo(204);
        assertThat(token.body()).isEmpty();
        assertThat(token.header("Access-Control-Allow-Origin")).isEqualTo(APP);
        assertThat(token.header("Access-Control-Allow-Methods")).isEqualTo("POST");
        assertThat(token.header("Access-Control-Allow-Headers")).isEqualTo("Authorization, Content-Type, X-VERSION, X-Request-Id, DPoP");
        assertThat(token.header("Access-Control-Max-Age")).isEqualTo("600");
        assertThat(token.header("Access-Control-Allow-Credentials")).isNull();
        assertThat(invalidate.header("Access-Control-Allow-Methods")).isEqualTo("GET, POST");
    }

    @Test
    void preflightWhenEachCrossOriginEndpointThenAnswered() {
        for (String path : List.of("/oauth/token", "/token", "/oauth/refresh", "/refresh", "/oauth/revoke", "/revoke",
                "/oauth/info", "/info", "/oauth/invalidate", "/invalidate", "/oauth/jwks", "/jwks",
                "/.well-known/oauth-authorization-server")) {
            assertThat(preflight(path, APP, "GET").status()).as(path).isEqualTo(204);
        }
    }

    @Test
    void whenOriginNotAllowedThenNoCorsHeadersAndPreflightGets405AsWithoutCors() {
        RegisteredClient client = server.confidentialClient();

        Reply request = server.postForm("/oauth/token", CLIENT_CREDENTIALS, "Authorization", TestServer.basic(client),
                "Origin", "https://evil.example.com");
        Reply preflight = preflight("/oauth/token", "https://app.example.com.evil.example", "POST");

        assertThat(request.status()).isEqualTo(200);
        assertNoCors(request);
        assertThat(preflight.status()).isEqualTo(405);
        assertThat(preflight.header("Allow")).isEqualTo("POST");
        assertNoCors(preflight);
    }

    @Test
    void whenAuthorizePagesOrApiThenNeverCors() {
        String key = server.customer().apiKey().key().value();

        for (String path : List.of("/oauth/authorize", "/authorize", "/oauth/authorize/sign-in", "/oauth/authorize/consent",
                "/api/v1/accounts/me", "/api/v1/clients", "/oauth/introspect", "/health/live")) {
            Reply preflight = preflight(path, APP, "GET");
            assertThat(preflight.status()).as(path).isNotEqualTo(204);
            assertNoCors(preflight);
            assertThat(preflight.header("Vary")).as(path).isNull();
        }
        Reply api = server.get("/api/v1/accounts/me", "ACCESSTOKEN", key, "Origin", APP);
        assertThat(api.status()).isEqualTo(200);
        assertNoCors(api);
    }

    @Test
    void whenCorsNotConfiguredThenNoCorsAtAll() {
        try (TestServer plain = TestServer.start()) {
            Reply preflight = plain.send("OPTIONS", "/oauth/token", null, null, "Origin", APP,
                    "Access-Control-Request-Method", "POST");
            Reply metadata = plain.get("/.well-known/oauth-authorization-server", "Origin", APP);

            assertThat(preflight.status()).isEqualTo(405);
            assertThat(preflight.header("Allow")).isEqualTo("POST");
            assertNoCors(preflight);
            assertThat(metadata.status()).isEqualTo(200);
            assertNoCors(metadata);
            assertThat(metadata.header("Vary")).isNull();
        }
    }

    @Test
    void whenOlderVersionRequestedThenNoticeServedBesideCors() {
        Reply reply = server.get("/oauth/jwks", "Origin", APP, "X-VERSION", "1.2.0");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("X-VERSION")).isEqualTo("1.2.0");
        assertThat(reply.header("X-VERSION-NOTICE")).isNotNull();
        assertThat(reply.header("Access-Control-Allow-Origin")).isEqualTo(APP);
    }

    @Test
    void whenMaintenanceThenPreflightAnsweredAnd503Readable() {
        try (TestServer maintained = TestServer.start(settings -> settings.maintenance(true).corsOrigins(List.of(APP)))) {
            Reply preflight = maintained.send("OPTIONS", "/oauth/token", null, null, "Origin", APP,
                    "Access-Control-Request-Method", "POST");
            Reply token = maintained.postForm("/oauth/token", CLIENT_CREDENTIALS, "Origin", APP);

            assertThat(preflight.status()).isEqualTo(204);
            assertThat(token.status()).isEqualTo(503);
            assertThat(token.header("Retry-After")).isEqualTo("30");
            assertThat(token.header("Access-Control-Allow-Origin")).isEqualTo(APP);
        }
    }

    @Test
    void whenRateLimitedThen429CarriesCorsHeaders() {
        try (TestServer limited = TestServer.start(settings -> settings.tokenPerClient(HttpSettings.RateLimit.perMinute(1))
                .corsOrigins(List.of(APP)))) {
            RegisteredClient client = limited.confidentialClient();

            limited.postForm("/oauth/token", CLIENT_CREDENTIALS, "Authorization", TestServer.basic(client), "Origin", APP);
            Reply refused = limited.postForm("/oauth/token", CLIENT_CREDENTIALS, "Authorization", TestServer.basic(client),
                    "Origin", APP);

            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.header("Access-Control-Allow-Origin")).isEqualTo(APP);
            assertThat(refused.header("Access-Control-Expose-Headers")).contains("Retry-After");
        }
    }

    @Test
    void preflightWhenAnsweredThenCountedUnderItsRoute() {
        preflight("/oauth/revoke", APP, "POST");

        assertThat(server.getAdmin("/metrics").body())
                .contains("http_server_requests_seconds_count{method=\"OPTIONS\",route=\"/oauth/revoke\",status=\"204\"} 1");
    }

    private Reply preflight(String path, String origin, String method) {
        return server.send("OPTIONS", path, null, null, "Origin", origin, "Access-Control-Request-Method", method,
                "Access-Control-Request-Headers", "authorization, content-type");
    }

    private static void assertNoCors(Reply reply) {
        assertThat(reply.headers().map().keySet()).noneMatch(name -> name.toLowerCase().startsWith("access-control-"));
    }
}
