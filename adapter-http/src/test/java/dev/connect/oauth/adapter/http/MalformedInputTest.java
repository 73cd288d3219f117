package dev.connect.oauth.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connect.oauth.application.port.in.RegisteredClient;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * No input, however malformed, gets a 500 or a stack trace: bad JSON, huge and repeated
 * parameters, bad percent-encoding, bytes that are not UTF-8, wrong content types, odd headers.
 * Each is a clear 4xx in the one error shape.
 */
class MalformedInputTest {
    private final TestServer server = TestServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "{\"grant_type\":", "[]", "\"text\"", "42", "null", "{\"grant_type\":\"client_credentials\"}}",
            "{\"grant_type\":[\"client_credentials\"]}", "{\"grant_type\":{\"a\":1}}", "{\"grant_type\":true}",
            "{grant_type: 'client_credentials'}", "\u0000"})
    void whenJsonMalformedThenInvalidRequest(String body) {
        Reply reply = server.postJson("/oauth/token", body);

        assertInvalidRequest(reply);
    }

    @Test
    void whenJsonMemberRepeatedThenInvalidRequest() {
        Reply reply = server.postJson("/oauth/token",
                "{\"grant_type\":\"client_credentials\",\"grant_type\":\"authorization_code\"}");

        assertInvalidRequest(reply);
    }

    @Test
    void whenJsonNotUtf8ThenInvalidRequest() {
        byte[] body = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};

        Reply reply = server.send("POST", "/oauth/token", "application/json", body);

        assertInvalidRequest(reply);
    }

    @Test
    void whenJsonDeeplyNestedThenInvalidRequest() {
        Reply reply = server.postJson("/oauth/token", "[".repeat(5000) + "]".repeat(5000));

        assertInvalidRequest(reply);
    }

    @Test
    void whenFormParameterRepeatedThenInvalidRequestNamingIt() {
        RegisteredClient client = server.confidentialClient();

        Reply reply = server.postForm("/oauth/token", "grant_type=client_credentials&scope=connect&scope=triggers",
                "Authorization", TestServer.basic(client));

        assertInvalidRequest(reply);
        assertThat(reply.json().getString("error_description")).contains("scope");
    }

    @Test
    void whenTooManyParametersThenInvalidRequest() {
        StringBuilder form = new StringBuilder("grant_type=client_credentials");
        for (int i = 0; i < 150; i++) {
            form.append("&p").append(i).append('=').append(i);
        }

        assertInvalidRequest(server.postForm("/oauth/token", form.toString()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"grant_type=%zz", "grant_type=%", "grant_type=%4", "grant_type=abc%G1", "%=x"})
    void whenPercentEncodingMalformedThenInvalidRequest(String form) {
        assertInvalidRequest(server.postForm("/oauth/token", form));
    }

    @ParameterizedTest
    @ValueSource(strings = {"grant_type=%FF", "grant_type=%C3%28", "grant_type=%ED%A0%80", "client_id=%F0%9F"})
    void whenFormNotUtf8ThenInvalidRequest(String form) {
        assertInvalidRequest(server.postForm("/oauth/token", form));
    }

    @Test
    void whenRawFormBytesNotUtf8ThenInvalidRequest() {
        byte[] body = "grant_type=client_credentials&client_id=".getBytes(StandardCharsets.US_ASCII);
        byte[] withBadByte = new byte[body.length + 1];
        System.arraycopy(body, 0, withBadByte, 0, body.length);
        withBadByte[body.length] = (byte) 0xFE;

        assertInvalidRequest(server.send("POST", "/oauth/token", MediaTypes.FORM, withBadByte));
    }

    /** Routes with a path parameter made Vert.x Web decode the query and answer a plain-text 400. */
    @ParameterizedTest
    @ValueSource(strings = {"/oauth/info?x=%zz", "/api/v1/clients/xyz?x=%ZZ", "/api/v1/clients/xyz?x=%", "/health/live?a=%4"})
    void whenQueryPercentEncodingMalformedThenJson400(String target) {
        String answer = server.raw("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        assertThat(answer).matches("(?s)HTTP/1\\.1 400 .*");
        assertThat(answer).contains("X-Request-Id: ").contains("\"error\":\"bad_request\"").doesNotContain("Exception");
    }

    /** RFC 9112 §3.2: a server must answer 400 to an HTTP/1.1 request without Host (Vert.x threw, a 500). */
    @ParameterizedTest
    @ValueSource(strings = {"GET /health/live HTTP/1.1", "GET /health/live HTTP/1.0", "POST /oauth/token HTTP/1.1",
            "GET /api/v1/clients/xyz HTTP/1.1"})
    void whenHostHeaderMissingThenJson400(String requestLine) {
        String answer = server.raw(requestLine + "\r\nConnection: close\r\n\r\n");

        assertThat(answer).matches("(?s)HTTP/1\\.[01] 400 .*");
        assertThat(answer).contains("X-Request-Id: ").contains("X-VERSION: 1.8.0")
                .contains("\"error\":\"bad_request\"").contains("Host").doesNotContain("Exception");
    }

    @Test
    void whenAuthorizeQueryNotUtf8ThenErrorPageNotRedirect() {
        Reply reply = server.get("/oauth/authorize?response_type=code&client_id=%FF%FE");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.header("Location")).isNull();
        assertThat(reply.header("Content-Type")).startsWith("text/html");
        assertThat(reply.body()).contains("invalid_request");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/clients/%zz", "/api/v1/clients/%FF%FE", "/api/v1/clients/%", "/oauth/%zz",
            "/api/v1/accounts/me/api-keys/%C3%28", "/%2e%2e/%2e%2e/etc/passwd", "/api/v1/clients/a%00b"})
    void whenPathEncodingOddThenNo500(String path) {
        String answer = server.raw("DELETE " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + "ACCESSTOKEN: " + server.adminKey() + "\r\n\r\n");

        assertThat(answer).matches("(?s)HTTP/1\\.1 4\\d\\d .*");
        assertThat(answer).contains("\"error\"").doesNotContain("Exception");
    }

    /** Netty cannot decode these; the answer is still the JSON 400 with the common headers. */
    @ParameterizedTest
    @MethodSource("undecodableRequests")
    void whenRequestUndecodableThenJson400(String request) {
        String answer = server.raw(request);

        assertThat(answer).matches("(?s)HTTP/1\\.[01] 400 .*");
        assertThat(answer).contains("X-Request-Id: ").contains("X-VERSION: 1.8.0")
                .contains("\"error\":\"bad_request\"").doesNotContain("Exception");
    }

    static List<String> undecodableRequests() {
        return List.of("GARBAGE\r\n\r\n", "GET /health/live HTTP/1.1\r\nContent-Length: abc\r\n\r\n",
                "POST /oauth/token HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nabcdef",
                "GET /health/live?" + "a".repeat(10_000) + " HTTP/1.1\r\nHost: x\r\n\r\n",
                "GET /health/live HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(20_000) + "\r\n\r\n");
    }

    /** Request targets that are not a plain path still get the common headers and the error shape. */
    @ParameterizedTest
    @ValueSource(strings = {"OPTIONS * HTTP/1.1", "GET http://127.0.0.1/health/live HTTP/1.1", "GET health/live HTTP/1.1",
            "GET //health/live HTTP/1.1", "GET /health/live?%%% HTTP/1.1", "GET /health/live#frag HTTP/1.1"})
    void whenRequestTargetOddThenCommonHeadersStillThere(String requestLine) {
        String answer = server.raw(requestLine + "\r\nHost: x\r\nConnection: close\r\n\r\n");

        assertThat(answer).matches("(?s)HTTP/1\\.1 [2-4]\\d\\d .*");
        assertThat(answer).contains("X-Request-Id: ").contains("X-VERSION: 1.8.0").doesNotContain("Exception");
    }

    /** RFC 9110 §15.6.6: an HTTP version the server does not speak gets 505, in the JSON error shape. */
    @ParameterizedTest
    @ValueSource(strings = {"HTTP/9.9", "HTTP/2.0", "HTTP/1.2"})
    void whenHttpVersionUnknownThen505Json(String version) {
        String answer = server.raw("GET /health/live " + version + "\r\nHost: x\r\n\r\n");

        assertThat(answer).matches("(?s)HTTP/\\S+ 505 .*");
        assertThat(answer).contains("X-Request-Id: ").contains("\"error\":\"http_version_not_supported\"")
                .doesNotContain("Exception");
    }

    /** Netty fails such a body mid-request; the answer used to be lost as Vert.x closed the connection. */
    @ParameterizedTest
    @ValueSource(strings = {"ZZ\r\nabc\r\n0\r\n\r\n", "3\r\nabc\r\n-1\r\n\r\n", "3\r\nabcXX\r\n0\r\n\r\n"})
    void whenChunkSizeMalformedThenJson400(String chunks) {
        String answer = server.raw("POST /oauth/token HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n" + chunks);

        assertThat(answer).matches("(?s)HTTP/1\\.1 400 .*");
        assertThat(answer).contains("X-Request-Id: ").contains("\"error\":\"bad_request\"").doesNotContain("Exception");
    }

    @Test
    void whenChunkedBodyExceedsLimitThen413() {
        String chunk = "a".repeat(40_000);
        String size = Integer.toHexString(chunk.length());
        String answer = server.raw("POST /oauth/token HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                + size + "\r\n" + chunk + "\r\n" + size + "\r\n" + chunk + "\r\n0\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 413");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Basic", "Basic !!!!", "Basic " + "Zm9v", "Basic OmZvbw==", "Basic /w==", "Negotiate abc",
            "Basic JXp6OnNlY3JldA=="})
    void whenBasicHeaderOddThen401InvalidClientWithChallenge(String authorization) {
        Reply reply = server.postForm("/oauth/token", "grant_type=client_credentials", "Authorization", authorization);

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.json().getString("error")).isEqualTo("invalid_client");
        assertThat(reply.header("WWW-Authenticate")).startsWith("Basic");
    }

    @Test
    void whenAuthorizationHeaderRepeatedThenInvalidRequest() {
        assertInvalidRequest(server.get("/oauth/info", "Authorization", "Bearer a", "Authorization", "Bearer b"));
        assertInvalidRequest(server.postForm("/oauth/token", "grant_type=client_credentials",
                "Authorization", "Basic YTpi", "Authorization", "Basic Yzpk"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer", "Bearer ", "bearer x y z", "Token abc", "Bearer \u00e9\u00e9"})
    void whenBearerHeaderOddThen401InvalidToken(String authorization) {
        Reply reply = server.get("/oauth/info", "Authorization", authorization);

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.json().getString("error")).isEqualTo("invalid_token");
    }

    @ParameterizedTest
    @ValueSource(strings = {";", "text", "/", "application/json; charset", "application/json;charset=\"utf-16\"", "*/*"})
    void whenContentTypeOddThen415(String contentType) {
        Reply reply = server.post("/oauth/token", contentType, "grant_type=client_credentials");

        assertThat(reply.status()).isEqualTo(415);
        assertThat(reply.json().getString("error")).isEqualTo("unsupported_media_type");
    }

    @Test
    void whenBodyWithoutContentTypeThen415() {
        Reply reply = server.send("POST", "/oauth/token", null, "grant_type=client_credentials".getBytes(StandardCharsets.UTF_8));

        assertThat(reply.status()).isEqualTo(415);
    }

    @ParameterizedTest
    @ValueSource(strings = {";;;", "garbage", "application/json;q=abc", "*/*;q=2", ",,,", "text/html;q=-1"})
    void whenAcceptOddThenNo500(String accept) {
        int status = server.get("/.well-known/oauth-authorization-server", "Accept", accept).status();

        assertThat(status).isIn(200, 406);
    }

    @ParameterizedTest
    @ValueSource(strings = {"===;;", "connect_session", "connect_session=; connect_session=x", "a=\"unterminated",
            "connect_csrf=\u00ff"})
    void whenCookieHeaderOddThenNo500(String cookie) {
        RegisteredClient client = server.confidentialClient();
        Reply reply = server.get("/oauth/authorize?response_type=code&client_id=" + client.client().id().value()
                + "&redirect_uri=https%3A%2F%2Fapp.example.com%2Fcallback&scope=connect", "Cookie", cookie);

        assertThat(reply.status()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {";q=abc", "*", "de;q=x", "xx-YY-zz, , ;", "q=0.5"})
    void whenAcceptLanguageOddThenPageInEnglish(String acceptLanguage) {
        RegisteredClient client = server.confidentialClient();
        Reply reply = server.get("/oauth/authorize?response_type=code&client_id=" + client.client().id().value()
                + "&redirect_uri=https%3A%2F%2Fapp.example.com%2Fcallback&scope=connect", "Accept-Language", acceptLanguage);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).contains("lang=\"");
    }

    /** Every route, every odd body: a 4xx in the one error shape, never a 5xx. */
    @Test
    void whenAnyEndpointGetsJunkThenNeverServerError() {
        List<String> paths = List.of("/oauth/token", "/token", "/oauth/refresh", "/oauth/revoke", "/oauth/introspect",
                "/oauth/authorize", "/oauth/authorize/sign-in", "/oauth/authorize/consent", "/oauth/invalidate",
                "/api/v1/accounts", "/api/v1/clients", "/api/v1/clients/x/secret", "/nowhere");
        List<String[]> bodies = List.of(
                new String[] {MediaTypes.JSON, "{\"a\":"},
                new String[] {MediaTypes.JSON, "{\"email\":1,\"name\":[],\"redirect_uris\":\"x\",\"scopes\":[1]}"},
                new String[] {MediaTypes.FORM, "a=%zz&&&=&b"},
                new String[] {MediaTypes.FORM, "token=" + "x".repeat(10_000)},
                new String[] {"multipart/form-data; boundary=x", "--x\r\n\r\n--x--"},
                new String[] {"application/xml", "<a/>"});
        for (String path : paths) {
            for (String[] body : bodies) {
                for (String[] headers : List.of(new String[0], new String[] {"ACCESSTOKEN", server.adminKey()},
                        new String[] {"Authorization", "Basic Og=="})) {
                    Reply reply = server.post(path, body[0], body[1], headers);
                    assertThat(reply.status()).as(path + " " + body[1] + " -> " + reply.body()).isBetween(400, 499);
                    assertThat(reply.body()).doesNotContain("Exception").doesNotContain("\tat ");
                }
            }
        }
    }

    private static void assertInvalidRequest(Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.json().getString("error")).isEqualTo("invalid_request");
        assertThat(reply.json().getInteger("code")).isEqualTo(400);
    }
}
