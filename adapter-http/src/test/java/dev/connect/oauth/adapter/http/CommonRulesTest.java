package dev.connect.oauth.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connect.oauth.application.testdata.TestApplication;
import dev.connect.oauth.domain.ErrorCode;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** API.md §1 over HTTP: the error shape, the plain HTTP codes, request ids and common headers. */
class CommonRulesTest {
    private final TestServer server = TestServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void whenPathUnknownThenJson404() {
        Reply reply = server.get("/nothing/here", "Accept", "text/html");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
        assertThat(reply.json()).isEqualTo(new JsonObject().put("error", "not_found")
                .put("error_description", "Not Found -- The specified method could not be found.").put("code", 404));
    }

    @Test
    void whenKnownPathWrongMethodThen405WithAllow() {
        Reply reply = server.send("DELETE", "/oauth/token", null, null);

        assertThat(reply.status()).isEqualTo(405);
        assertThat(reply.header("Allow")).isEqualTo("POST");
        assertThat(reply.json().getString("error")).isEqualTo("method_not_allowed");
        assertThat(reply.json().getInteger("code")).isEqualTo(405);
    }

    @Test
    void whenPathServesSeveralMethodsThenAllowNamesThemAll() {
        Reply reply = server.send("PUT", "/oauth/invalidate", null, null);

        assertThat(reply.status()).isEqualTo(405);
        assertThat(reply.header("Allow")).isEqualTo("GET, POST");
    }

    @Test
    void whenMethodNotImplementedAnywhereThen501() {
        Reply reply = server.send("PROPFIND", "/oauth/token", null, null);

        assertThat(reply.status()).isEqualTo(501);
        assertThat(reply.json().getString("error")).isEqualTo("not_supported");
        assertThat(reply.json().getInteger("code")).isEqualTo(501);
    }

    @Test
    void whenApiEndpointAskedForAnotherFormatThen406() {
        Reply reply = server.get("/.well-known/oauth-authorization-server", "Accept", "text/html");

        assertThat(reply.status()).isEqualTo(406);
        assertThat(reply.json().getString("error")).isEqualTo("not_acceptable");
        assertThat(reply.json().getInteger("code")).isEqualTo(406);
    }

    @Test
    void whenAcceptAllowsJsonByWildcardThenServed() {
        assertThat(server.get("/.well-known/oauth-authorization-server", "Accept", "text/html, application/*;q=0.5").status())
                .isEqualTo(200);
        assertThat(server.get("/.well-known/oauth-authorization-server", "Accept", "application/json;q=0, */*").status())
                .isEqualTo(406);
    }

    @Test
    void whenBodyTooLargeThen413() {
        Reply reply = server.postForm("/oauth/token", "grant_type=" + "a".repeat(70_000));

        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.json().getString("error")).isEqualTo("payload_too_large");
    }

    @Test
    void whenContentTypeUnsupportedThen415() {
        Reply reply = server.post("/oauth/token", "text/plain", "grant_type=client_credentials");

        assertThat(reply.status()).isEqualTo(415);
        assertThat(reply.json().getString("error")).isEqualTo("unsupported_media_type");
        assertThat(reply.json().getInteger("code")).isEqualTo(415);
    }

    @Test
    void whenCharsetIsNotUtf8Then415() {
        Reply reply = server.post("/oauth/token", "application/x-www-form-urlencoded; charset=ISO-8859-1",
                "grant_type=client_credentials");

        assertThat(reply.status()).isEqualTo(415);
    }

    @Test
    void everyAnswerCarriesRequestIdVersionAndSecurityHeaders() {
        Reply reply = server.get("/health/live");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("X-Request-Id")).matches("[0-9a-f]{32}");
        assertThat(reply.header("X-VERSION")).isEqualTo("1.8.0");
        assertThat(reply.header("Cache-Control")).isEqualTo("no-store");
        assertThat(reply.header("Pragma")).isEqualTo("no-cache");
        assertThat(reply.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(reply.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(reply.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(reply.header("Content-Security-Policy")).contains("default-src 'none'").doesNotContain("unsafe-inline");
    }

    @Test
    void whenCallerSendsSaneRequestIdThenEchoed() {
        assertThat(server.get("/health/live", "X-Request-Id", "abc-123.XYZ_9").header("X-Request-Id"))
                .isEqualTo("abc-123.XYZ_9");
    }

    @Test
    void whenCallerSendsOddRequestIdThenReplaced() {
        assertThat(server.get("/health/live", "X-Request-Id", "evil value; with=stuff").header("X-Request-Id"))
                .matches("[0-9a-f]{32}");
        assertThat(server.get("/health/live", "X-Request-Id", "a".repeat(65)).header("X-Request-Id"))
                .matches("[0-9a-f]{32}");
    }

    /** Every OAuth endpoint is at /oauth/name and /name, and both behave alike (API.md §1). */
    @ParameterizedTest
    @ValueSource(strings = {"authorize", "token", "refresh", "info", "invalidate", "revoke", "introspect", "jwks"})
    void everyOAuthEndpointAnswersAlikeAtBothPaths(String name) {
        for (String method : new String[] {"GET", "POST", "DELETE"}) {
            Reply prefixed = server.send(method, "/oauth/" + name, null, null, "Accept", "application/json");
            Reply bare = server.send(method, "/" + name, null, null, "Accept", "application/json");

            assertThat(bare.status()).as(method + " /" + name).isEqualTo(prefixed.status()).isNotEqualTo(404);
            assertThat(bare.header("Allow")).isEqualTo(prefixed.header("Allow"));
            assertThat(bare.json().getString("error")).isEqualTo(prefixed.json().getString("error"));
        }
    }

    @Test
    void whenUseCaseRefusesAsNotSupportedThen501() {
        TestApplication app = new TestApplication();
        HttpUseCases refusing = TestServer.useCases(app, () -> {
            throw ErrorCode.NOT_SUPPORTED.exception();
        }, app.checkReadiness);
        try (TestServer unsupported = TestServer.start(app, settings -> settings, refusing)) {
            Reply reply = unsupported.get("/oauth/jwks");

            ErrorMappingTest.assertConnectError(reply, 501, "not_supported", 501);
        }
    }

    @Test
    void errorAnswersCarryTheCommonHeadersToo() {
        Reply reply = server.get("/nothing", "X-Request-Id", "trace-1");

        assertThat(reply.header("X-Request-Id")).isEqualTo("trace-1");
        assertThat(reply.header("X-VERSION")).isEqualTo("1.8.0");
        assertThat(reply.header("Cache-Control")).isEqualTo("no-store");
    }
}
