package dev.connect.oauth.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The checker the e2e suites run on every answer fails on each kind of drift from the OpenAPI
 * document, and only on drift: without it, a checker that accepts everything would pass them all.
 */
class OpenApiConformanceTest {
    private static final String TOKENS = """
            {"access_token":"a.b.c","token_type":"Bearer","type":"bearer","expires_in":3600,"expires_at":1642507278,\
            "refresh_token":"r","refresh_expires_in":2592000,"scope":"connect"}""";
    private static final String INVALID_CLIENT = """
            {"error":"invalid_client","error_description":"Client authentication failed.","code":401}""";

    /** Not the shared one, whose summary of answered operations counts only real answers. */
    private static final OpenApiConformance conformance = new OpenApiConformance();

    @Test
    void checkWhenAnswerIsDocumentedThenPasses() {
        assertThatCode(() -> check("POST", "/oauth/token", reply(200, "application/json; charset=utf-8", TOKENS)))
                .doesNotThrowAnyException();
        assertThatCode(() -> check("POST", "/token", reply(401, "application/json; charset=utf-8", INVALID_CLIENT)))
                .doesNotThrowAnyException();
        assertThatCode(() -> check("DELETE", "/api/v1/clients/c-1", reply(204, null, ""))).doesNotThrowAnyException();
    }

    @Test
    void checkWhenBodyMissesRequiredMemberThenFailsNamingIt() {
        String withoutAccessToken = TOKENS.replace("\"access_token\":\"a.b.c\",", "");

        assertThatThrownBy(() -> check("POST", "/oauth/token", reply(200, "application/json", withoutAccessToken)))
                .isInstanceOf(AssertionError.class).hasMessageContaining("POST /oauth/token").hasMessageContaining("access_token");
    }

    @Test
    void checkWhenBodyHasUndocumentedMemberThenFails() {
        String withUnknownMember = TOKENS.replace("{", "{\"unknown_member\":\"x\",");

        assertThatThrownBy(() -> check("POST", "/oauth/token", reply(200, "application/json", withUnknownMember)))
                .isInstanceOf(AssertionError.class).hasMessageContaining("unknown_member");
    }

    @Test
    void checkWhenErrorAndCodeDisagreeThenFails() {
        String wrongCode = INVALID_CLIENT.replace("401", "2036");

        assertThatThrownBy(() -> check("POST", "/oauth/token", reply(401, "application/json", wrongCode)))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void checkWhenAuthorizationErrorCarriesStateAndIssuerThenPassesOnlyAtAuthorize() {
        String authorizationError = """
                {"error":"invalid_scope","error_description":"Unknown scope.","code":400,"state":"xyz",\
                "iss":"http://127.0.0.1:8080"}""";

        assertThatCode(() -> check("GET", "/oauth/authorize", reply(400, "application/json", authorizationError)))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> check("POST", "/oauth/token", reply(400, "application/json", authorizationError)))
                .isInstanceOf(AssertionError.class).hasMessageContaining("iss");
    }

    @Test
    void checkWhenStatusNotDocumentedThenFailsNamingOperation() {
        assertThatThrownBy(() -> check("GET", "/api/v1/accounts/me", reply(418, "application/json", "{}")))
                .isInstanceOf(AssertionError.class).hasMessageContaining("418").hasMessageContaining("GET /api/v1/accounts/me");
    }

    @Test
    void checkWhenPathNotDocumentedThenOnlyARefusalPasses() {
        String notFound = """
                {"error":"not_found","error_description":"Not Found","code":404}""";

        assertThatCode(() -> check("GET", "/no/such/path", reply(404, "application/json", notFound))).doesNotThrowAnyException();
        assertThatThrownBy(() -> check("GET", "/oauth/undocumented", reply(200, "application/json", "{\"sub\":\"a\"}")))
                .isInstanceOf(AssertionError.class).hasMessageContaining("GET /oauth/undocumented").hasMessageContaining("not documented");
    }

    @Test
    void checkWhenMediaTypeNotDocumentedThenFails() {
        assertThatThrownBy(() -> check("GET", "/health/live", reply(200, "text/plain", "UP")))
                .isInstanceOf(AssertionError.class).hasMessageContaining("text/plain");
    }

    @Test
    void checkWhenRequiredHeaderMissingThenFails() {
        HttpHeaders withoutVersion = HttpHeaders.of(Map.of("Content-Type", List.of("application/json"),
                "X-Request-Id", List.of("r")), (name, value) -> true);

        assertThatThrownBy(() -> conformance.check("GET", URI.create("http://127.0.0.1/health/live"),
                new Reply(200, withoutVersion, "{\"status\":\"UP\"}")))
                .isInstanceOf(AssertionError.class).hasMessageContaining("X-VERSION");
    }

    private void check(String method, String path, Reply reply) {
        conformance.check(method, URI.create("http://127.0.0.1:8080" + path), reply);
    }

    /** An answer with the headers every answer carries. */
    private static Reply reply(int status, String contentType, String body) {
        Map<String, List<String>> headers = new HashMap<>(Map.of("X-VERSION", List.of("1.8.0"), "X-Request-Id", List.of("r")));
        if (contentType != null) {
            headers.put("Content-Type", List.of(contentType));
        }
        return new Reply(status, HttpHeaders.of(headers, (name, value) -> true), body);
    }
}
