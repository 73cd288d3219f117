package dev.connect.oauth.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connect.oauth.application.port.in.RegisteredClient;
import dev.connect.oauth.testkit.testdata.MutableClock;
import dev.connect.oauth.testkit.testdata.TestClients;
import dev.connect.oauth.testkit.testdata.TestCodes;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code /oauth/token} and {@code /oauth/refresh} (API.md §3): grants, client authentication, answers. */
class TokenEndpointTest {
    private static final String REDIRECT = FormCodec.encode(TestClients.REDIRECT_URI);

    private final TestServer server = TestServer.start();
    private final RegisteredClient client = server.confidentialClient();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void exchangeWhenBasicAuthThenTokenResponseExactlyAsApiMd() {
        String code = server.code(client, server.customer(), "connect triggers");

        Reply reply = server.exchange(client, code);

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
        assertThat(reply.header("Cache-Control")).isEqualTo("no-store");
        assertThat(reply.header("Pragma")).isEqualTo("no-cache");
        JsonObject body = reply.json();
        assertThat(body.fieldNames()).containsExactlyInAnyOrder("access_token", "token_type", "type", "expires_in",
                "expires_at", "refresh_token", "refresh_expires_in", "scope");
        assertThat(body.getString("access_token")).isNotBlank();
        assertThat(body.getString("token_type")).isEqualTo("Bearer");
        assertThat(body.getString("type")).isEqualTo("bearer");
        assertThat(body.getLong("expires_in")).isEqualTo(3600);
        assertThat(body.getLong("expires_at")).isEqualTo(MutableClock.START.getEpochSecond() + 3600);
        assertThat(body.getString("refresh_token")).isNotBlank();
        assertThat(body.getLong("refresh_expires_in")).isEqualTo(2_592_000);
        assertThat(body.getString("scope")).isEqualTo("connect triggers");
    }

    @Test
    void exchangeWhenCredentialsInBodyThenTokens() {
        String code = server.code(client, server.customer(), "connect");

        Reply reply = server.postForm("/oauth/token", "grant_type=authorization_code&code=" + code
                + "&redirect_uri=" + REDIRECT + "&code_verifier=" + TestCodes.VERIFIER
                + "&client_id=" + client.client().id().value() + "&client_secret=" + client.secret().orElseThrow());

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().getString("token_type")).isEqualTo("Bearer");
    }

    @Test
    void exchangeWhenJsonBodyThenTokens() {
        String code = server.code(client, server.customer(), "connect");

        Reply reply = server.postJson("/oauth/token", new JsonObject().put("grant_type", "authorization_code")
                .put("code", code).put("redirect_uri", TestClients.REDIRECT_URI).put("code_verifier", TestCodes.VERIFIER)
                .encode(), "Authorization", TestServer.basic(client));

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    }

    @Test
    void exchangeWhenPublicClientSendsOnlyItsIdThenTokens() {
        RegisteredClient publicClient = server.publicClient();
        String code = server.code(publicClient, server.customer(), "connect");

        Reply reply = server.postForm("/token", "grant_type=authorization_code&code=" + code + "&redirect_uri=" + REDIRECT
                + "&code_verifier=" + TestCodes.VERIFIER + "&client_id=" + publicClient.client().id().value());

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    }

    @Test
    void exchangeWhenCodeReplayedAfterTheRetryGraceThenInvalidGrant() {
        String code = server.code(client, server.customer(), "connect");
        assertThat(server.exchange(client, code).status()).isEqualTo(200);
        server.app.clock.advance(server.app.policy.retryGrace());

        Reply replay = server.exchange(client, code);

        assertThat(replay.status()).isEqualTo(400);
        assertThat(replay.json().getString("error")).isEqualTo("invalid_grant");
    }

    @Test
    void whenBasicSecretWrongThen401WithBasicChallenge() {
        Reply reply = server.postForm("/oauth/token", "grant_type=client_credentials",
                "Authorization", basic(client.client().id().value(), "wrong"));

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.json().getString("error")).isEqualTo("invalid_client");
        assertThat(reply.header("WWW-Authenticate")).startsWith("Basic realm=");
    }

    @Test
    void whenBodySecretWrongThen401WithoutBasicChallenge() {
        Reply reply = server.postForm("/oauth/token", "grant_type=client_credentials&client_id="
                + client.client().id().value() + "&client_secret=wrong");

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.json().getString("error")).isEqualTo("invalid_client");
        assertThat(reply.header("WWW-Authenticate")).isNull();
    }

    @Test
    void whenNoClientIdentificationThen401InvalidClient() {
        Reply reply = server.postForm("/oauth/token", "grant_type=client_credentials");

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.json().getString("error")).isEqualTo("invalid_client");
    }

    @Test
    void whenBasicAndBodySecretBothSentThenInvalidRequest() {
        Reply reply = server.postForm("/oauth/token", "grant_type=client_credentials&client_secret="
                + client.secret().orElseThrow(), "Authorization", TestServer.basic(client));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().getString("error")).isEqualTo("invalid_request");
    }

    @Test
    void whenBasicAndBodyClientIdDisagreeThenInvalidRequest() {
        Reply reply = server.postForm("/oauth/token", "grant_type=client_credentials&client_id=someone-else",
                "Authorization", TestServer.basic(client));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().getString("error")).isEqualTo("invalid_request");
    }

    @Test
    void whenBasicCredentialsAreFormEncodedThenDecoded() {
        // RFC 6749 §2.3.1: id and secret are form-encoded before Basic; "+" would otherwise stay a plus.
        Reply reply = server.postForm("/oauth/token", "grant_type=client_credentials",
                "Authorization", basic(FormCodec.encode(client.client().id().value()), FormCodec.encode(client.secret().orElseThrow())));

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    }

    @Test
    void clientCredentialsGrantThenNoRefreshToken() {
        Reply reply = server.postForm("/oauth/token", "grant_type=client_credentials&scope=triggers",
                "Authorization", TestServer.basic(client));

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().fieldNames()).doesNotContain("refresh_token", "refresh_expires_in");
        assertThat(reply.json().getString("scope")).isEqualTo("triggers");
    }

    @ParameterizedTest
    @ValueSource(strings = {"password", "implicit", "urn:ietf:params:oauth:grant-type:jwt-bearer", "REFRESH_TOKEN"})
    void whenGrantTypeUnknownThenUnsupportedGrantType(String grantType) {
        Reply reply = server.postForm("/oauth/token", "grant_type=" + FormCodec.encode(grantType),
                "Authorization", TestServer.basic(client));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().getString("error")).isEqualTo("unsupported_grant_type");
    }

    @Test
    void whenGrantTypeMissingThenInvalidRequest() {
        Reply reply = server.postForm("/oauth/token", "code=abc", "Authorization", TestServer.basic(client));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().getString("error")).isEqualTo("invalid_request");
    }

    @Test
    void refreshEndpointWhenGrantTypeOmittedThenRotates() {
        String refreshToken = tokens().getString("refresh_token");

        Reply reply = server.postForm("/oauth/refresh", "refresh_token=" + refreshToken, "Authorization", TestServer.basic(client));

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().getString("refresh_token")).isNotEqualTo(refreshToken);
    }

    @Test
    void refreshWhenRetiredTokenPresentedAfterTheRetryGraceThenInvalidGrantAndGrantRevoked() {
        JsonObject first = tokens();
        Reply rotated = server.postForm("/refresh", "grant_type=refresh_token&refresh_token=" + first.getString("refresh_token"),
                "Authorization", TestServer.basic(client));
        assertThat(rotated.status()).isEqualTo(200);
        server.app.clock.advance(server.app.policy.retryGrace());

        Reply replay = server.postForm("/oauth/token", "grant_type=refresh_token&refresh_token="
                + first.getString("refresh_token"), "Authorization", TestServer.basic(client));

        assertThat(replay.status()).isEqualTo(400);
        assertThat(replay.json().getString("error")).isEqualTo("invalid_grant");
        assertThat(server.get("/oauth/info", "Authorization", "Bearer " + rotated.json().getString("access_token")).status())
                .isEqualTo(401);
    }

    @Test
    void refreshEndpointWhenOtherGrantTypeThenUnsupportedGrantType() {
        Reply reply = server.postForm("/oauth/refresh", "grant_type=client_credentials", "Authorization", TestServer.basic(client));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().getString("error")).isEqualTo("unsupported_grant_type");
    }

    @Test
    void whenTokenIssuedThenCountedPerGrantTypeInMetrics() {
        tokens();
        server.postForm("/oauth/token", "grant_type=client_credentials", "Authorization", TestServer.basic(client));

        String metrics = server.getAdmin("/metrics").body();

        assertThat(metrics).contains("oauth_tokens_issued_total{grant_type=\"authorization_code\"} 1")
                .contains("oauth_tokens_issued_total{grant_type=\"client_credentials\"} 1");
    }

    private JsonObject tokens() {
        Reply reply = server.exchange(client, server.code(client, server.customer(), "connect triggers"));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
