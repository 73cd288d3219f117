package dev.connect.oauth.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connect.oauth.application.port.in.CreatedAccount;
import dev.connect.oauth.application.port.in.RegisteredClient;
import dev.connect.oauth.application.testdata.TestApplication;
import dev.connect.oauth.testkit.testdata.TestClients;
import dev.connect.oauth.testkit.testdata.TestCodes;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The API form of {@code /oauth/authorize} (seed 000): the account's API key stands for sign-in and consent. */
class AuthorizeWithApiKeyTest {
    private final TestServer server = TestServer.start();
    private final RegisteredClient client = server.confidentialClient();
    private final CreatedAccount account = server.customer();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void whenParametersInQueryThenCodeAndState() {
        Reply reply = server.get("/oauth/authorize?" + query("connect") + "&state=s-1", headers());

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().fieldNames()).containsExactlyInAnyOrder("code", "state", "iss");
        assertThat(reply.json().getString("iss")).isEqualTo(TestApplication.ISSUER);
        assertThat(reply.json().getString("state")).isEqualTo("s-1");
        assertThat(reply.header("Cache-Control")).isEqualTo("no-store");
        assertThat(server.exchange(client, reply.json().getString("code")).status()).isEqualTo(200);
    }

    @Test
    void whenNoStateThenOnlyCode() {
        Reply reply = server.get("/authorize?" + query("connect"), headers());

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().fieldNames()).containsExactlyInAnyOrder("code", "iss");
    }

    @Test
    void whenParametersInJsonBodyThenCode() {
        String body = new JsonObject().put("response_type", "code").put("client_id", client.client().id().value())
                .put("redirect_uri", TestClients.REDIRECT_URI).put("scope", "connect triggers").put("state", "j")
                .put("code_challenge", TestCodes.CHALLENGE).put("code_challenge_method", "S256").encode();

        Reply get = server.send("GET", "/oauth/authorize", "application/json", body.getBytes(StandardCharsets.UTF_8), headers());
        Reply post = server.postJson("/oauth/authorize", body, headers());

        assertThat(get.status()).as(get.body()).isEqualTo(200);
        assertThat(post.status()).as(post.body()).isEqualTo(200);
        assertThat(post.json().getString("state")).isEqualTo("j");
    }

    @Test
    void whenParameterInQueryAndBodyThenInvalidRequest() {
        String body = new JsonObject().put("scope", "connect").encode();

        Reply reply = server.post("/oauth/authorize?" + query("connect"), "application/json", body, headers());

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().getString("error")).isEqualTo("invalid_request");
    }

    @Test
    void whenKeyUnknownThen2036() {
        Reply reply = server.get("/oauth/authorize?" + query("connect"), "ACCESSTOKEN", "ck_" + "B".repeat(43),
                "Accept", "application/json");

        ErrorMappingTest.assertConnectError(reply, 401, "invalid_api_key", 2036);
    }

    @Test
    void whenKeyMalformedThen2038() {
        Reply reply = server.get("/oauth/authorize?" + query("connect"), "ACCESSTOKEN", "nope", "Accept", "application/json");

        ErrorMappingTest.assertConnectError(reply, 401, "malformed_api_key", 2038);
    }

    @Test
    void whenJsonNotAcceptedThen406() {
        Reply reply = server.get("/oauth/authorize?" + query("connect"), "ACCESSTOKEN", key(), "Accept", "text/html");

        assertThat(reply.status()).isEqualTo(406);
    }

    @Test
    void whenScopeNotAllowedThenJsonInvalidScope() {
        Reply reply = server.get("/oauth/authorize?" + query("actions"), headers());

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.header("Location")).isNull();
        assertThat(reply.json().getString("error")).isEqualTo("invalid_scope");
    }

    @Test
    void whenClientUnknownThenJson400() {
        Reply reply = server.get("/oauth/authorize?response_type=code&client_id=nobody&redirect_uri=https%3A%2F%2Fx.example",
                headers());

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().getString("error")).isEqualTo("invalid_request");
    }

    private String query(String scope) {
        return "response_type=code&client_id=" + client.client().id().value() + "&redirect_uri="
                + FormCodec.encode(TestClients.REDIRECT_URI) + "&scope=" + FormCodec.encode(scope)
                + "&code_challenge=" + TestCodes.CHALLENGE + "&code_challenge_method=S256";
    }

    private String key() {
        return account.apiKey().key().value();
    }

    private String[] headers() {
        return new String[] {"ACCESSTOKEN", key(), "Accept", "application/json"};
    }
}
