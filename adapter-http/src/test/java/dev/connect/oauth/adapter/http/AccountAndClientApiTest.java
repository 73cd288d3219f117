package dev.connect.oauth.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connect.oauth.application.port.in.CreatedAccount;
import dev.connect.oauth.application.port.in.RegisteredClient;
import dev.connect.oauth.testkit.testdata.TestClients;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The account and client API v1 (API.md §4), row by row: who may call it, what it answers, no secret twice. */
class AccountAndClientApiTest {
    private final TestServer server = TestServer.start();
    private final String admin = server.adminKey();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void createAccountThen201WithKeyShownOnceAndNoHash() {
        Reply reply = server.postJson("/api/v1/accounts", new JsonObject().put("email", "New.User@Example.com")
                .put("phone", "+1 415 555 0100").put("name", "New User").put("password", "a long password").encode(),
                "ACCESSTOKEN", admin);

        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        JsonObject body = reply.json();
        assertThat(body.getString("id")).isNotBlank();
        assertThat(body.getString("email")).isEqualTo("new.user@example.com");
        assertThat(body.getString("phone")).isEqualTo("+14155550100");
        assertThat(body.getString("name")).isEqualTo("New User");
        assertThat(body.getString("role")).isEqualTo("customer");
        assertThat(body.getString("api_key")).matches("ck_[A-Za-z0-9_-]{43}");
        assertThat(reply.body()).doesNotContain("password").doesNotContain("hash");
        assertThat(server.get("/api/v1/accounts/me", "ACCESSTOKEN", body.getString("api_key")).json().getString("id"))
                .isEqualTo(body.getString("id"));
    }

    @Test
    void createAccountWhenCallerIsCustomerThen403() {
        String customer = server.customer().apiKey().key().value();

        Reply reply = server.postJson("/api/v1/accounts", "{\"email\":\"x@example.com\",\"name\":\"X\"}", "ACCESSTOKEN", customer);

        ErrorMappingTest.assertConnectError(reply, 403, "forbidden", 403);
    }

    @Test
    void createAccountWhenBodyNotJsonThen415() {
        Reply reply = server.postForm("/api/v1/accounts", "email=x%40example.com&name=X", "ACCESSTOKEN", admin);

        assertThat(reply.status()).isEqualTo(415);
    }

    @Test
    void createAccountWhenKeyMissingThen2032EvenIfBodyIsBad() {
        Reply reply = server.postJson("/api/v1/accounts", "{not json", "Accept", "application/json");

        ErrorMappingTest.assertConnectError(reply, 401, "api_key_required", 2032);
    }

    @Test
    void meThenTheCallersAccount() {
        CreatedAccount account = server.customer();

        Reply reply = server.get("/api/v1/accounts/me", "ACCESSTOKEN", account.apiKey().key().value());

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().getString("id")).isEqualTo(account.account().id().value());
        assertThat(reply.json().getString("email")).isEqualTo(account.account().email().value());
        assertThat(reply.json().fieldNames()).doesNotContain("api_key", "password");
    }

    @Test
    void apiKeysWhenIssuedThenWorkUntilRevoked() {
        CreatedAccount account = server.customer();
        String first = account.apiKey().key().value();

        Reply issued = server.postJson("/api/v1/accounts/me/api-keys", null, "ACCESSTOKEN", first);

        assertThat(issued.status()).isEqualTo(201);
        String second = issued.json().getString("api_key");
        assertThat(second).matches("ck_[A-Za-z0-9_-]{43}").isNotEqualTo(first);
        assertThat(server.get("/api/v1/accounts/me", "ACCESSTOKEN", second).status()).isEqualTo(200);

        Reply revoked = server.send("DELETE", "/api/v1/accounts/me/api-keys/" + issued.json().getString("id"), null, null,
                "ACCESSTOKEN", first);

        assertThat(revoked.status()).isEqualTo(204);
        assertThat(server.get("/api/v1/accounts/me", "ACCESSTOKEN", second).status()).isEqualTo(401);
        assertThat(server.send("DELETE", "/api/v1/accounts/me/api-keys/" + issued.json().getString("id"), null, null,
                "ACCESSTOKEN", first).status()).isEqualTo(404);
    }

    @Test
    void connectionsWhenDisconnectedThenTokensStopAndTheListEmpties() {
        CreatedAccount account = server.customer();
        RegisteredClient client = server.confidentialClient();
        String key = account.apiKey().key().value();
        String token = server.exchange(client, server.code(client, account, "connect")).json().getString("access_token");

        Reply list = server.get("/api/v1/accounts/me/connections", "ACCESSTOKEN", key);

        assertThat(list.status()).isEqualTo(200);
        JsonObject connection = list.json().getJsonArray("connections").getJsonObject(0);
        assertThat(connection.getString("client_id")).isEqualTo(client.client().id().value());
        assertThat(connection.getString("client_name")).isEqualTo("Test App");
        assertThat(connection.getString("scope")).isEqualTo("connect");

        Reply disconnected = server.send("DELETE", "/api/v1/accounts/me/connections/" + client.client().id().value(),
                null, null, "ACCESSTOKEN", key);

        assertThat(disconnected.status()).isEqualTo(204);
        assertThat(server.get("/oauth/info", "Authorization", "Bearer " + token).status()).isEqualTo(401);
        assertThat(server.get("/api/v1/accounts/me/connections", "ACCESSTOKEN", key).json().getJsonArray("connections"))
                .isEmpty();
    }

    @Test
    void registerConfidentialClientThenSecretShownOnceNeverAgain() {
        Reply registered = server.postJson("/api/v1/clients", new JsonObject().put("name", "Partner")
                .put("redirect_uris", new JsonArray().add(TestClients.REDIRECT_URI)).put("scopes", new JsonArray().add("connect"))
                .put("type", "confidential").encode(), "ACCESSTOKEN", admin);

        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        JsonObject body = registered.json();
        String id = body.getString("client_id");
        assertThat(body.getString("client_secret")).isNotBlank();
        assertThat(body.getString("type")).isEqualTo("confidential");
        assertThat(body.getJsonArray("redirect_uris")).containsExactly(TestClients.REDIRECT_URI);
        assertThat(body.getJsonArray("scopes")).containsExactly("connect");

        Reply read = server.get("/api/v1/clients/" + id, "ACCESSTOKEN", admin);
        Reply list = server.get("/api/v1/clients", "ACCESSTOKEN", admin);

        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().getString("name")).isEqualTo("Partner");
        assertThat(read.json().fieldNames()).doesNotContain("client_secret");
        assertThat(read.body()).doesNotContain(body.getString("client_secret"));
        assertThat(read.json().getString("token_endpoint_auth_method")).isEqualTo("client_secret_basic");
        assertThat(read.json().getJsonArray("grant_types")).containsExactly("authorization_code", "refresh_token",
                "client_credentials", "urn:ietf:params:oauth:grant-type:device_code");
        assertThat(list.json().getJsonArray("clients")).hasSize(1);
        assertThat(list.body()).doesNotContain(body.getString("client_secret"));
    }

    @Test
    void registerPublicClientThenNoSecret() {
        Reply registered = server.postJson("/api/v1/clients", "{\"name\":\"SPA\",\"redirect_uris\":[\"http://127.0.0.1:9000/cb\"],"
                + "\"scopes\":[\"connect\"],\"type\":\"public\"}", "ACCESSTOKEN", admin);

        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        assertThat(registered.json().fieldNames()).doesNotContain("client_secret");
    }

    @Test
    void registerWhenRedirectUriHasFragmentOrIsPlainHttpThenInvalidRequest() {
        for (String uri : new String[] {"https://app.example.com/cb#frag", "http://app.example.com/cb", "/relative"}) {
            Reply reply = server.postJson("/api/v1/clients", new JsonObject().put("name", "Bad")
                    .put("redirect_uris", new JsonArray().add(uri)).put("scopes", new JsonArray().add("connect"))
                    .put("type", "confidential").encode(), "ACCESSTOKEN", admin);

            assertThat(reply.status()).as(uri).isEqualTo(400);
            assertThat(reply.json().getString("error")).isEqualTo("invalid_request");
        }
    }

    @Test
    void registerWhenFieldHasWrongTypeThenInvalidRequest() {
        Reply reply = server.postJson("/api/v1/clients", "{\"name\":\"X\",\"redirect_uris\":\"https://a.example/cb\","
                + "\"scopes\":[\"connect\"],\"type\":\"public\"}", "ACCESSTOKEN", admin);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().getString("error_description")).contains("redirect_uris");
    }

    @Test
    void registerWithOpenIdSettingsThenShownOnRegistrationAndRead() {
        Reply registered = server.postJson("/api/v1/clients", new JsonObject().put("name", "RP")
                .put("redirect_uris", new JsonArray().add(TestClients.REDIRECT_URI)).put("scopes", new JsonArray().add("connect"))
                .put("type", "confidential").put("post_logout_redirect_uris", new JsonArray().add("https://rp.example.com/bye"))
                .put("subject_type", "pairwise").put("default_max_age", 900)
                .put("resources", new JsonArray().add("https://api.example.com/")).encode(), "ACCESSTOKEN", admin);

        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        JsonObject read = server.get("/api/v1/clients/" + registered.json().getString("client_id"), "ACCESSTOKEN", admin).json();
        for (JsonObject body : List.of(registered.json(), read)) {
            assertThat(body.getJsonArray("post_logout_redirect_uris")).containsExactly("https://rp.example.com/bye");
            assertThat(body.getString("subject_type")).isEqualTo("pairwise");
            assertThat(body.getLong("default_max_age")).isEqualTo(900L);
            assertThat(body.getJsonArray("resources")).containsExactly("https://api.example.com/");
        }
    }

    @Test
    void registerWithoutOpenIdSettingsThenDefaultsShown() {
        Reply registered = server.postJson("/api/v1/clients", "{\"name\":\"SPA\",\"redirect_uris\":[\"http://127.0.0.1:9000/cb\"],"
                + "\"scopes\":[\"connect\"],\"type\":\"public\"}", "ACCESSTOKEN", admin);

        assertThat(registered.json().getJsonArray("post_logout_redirect_uris")).isEmpty();
        assertThat(registered.json().getString("subject_type")).isEqualTo("public");
        assertThat(registered.json().getJsonArray("resources")).isEmpty();
        assertThat(registered.json().fieldNames()).doesNotContain("default_max_age");
        assertThat(registered.json().getString("access_token_format")).isEqualTo("jwt");
    }

    @Test
    void registerWithReferenceAccessTokensThenShownOnRegistrationReadAndList() {
        Reply registered = server.postJson("/api/v1/clients", "{\"name\":\"Backend\",\"scopes\":[\"connect\"],"
                + "\"type\":\"confidential\",\"access_token_format\":\"reference\"}", "ACCESSTOKEN", admin);

        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        String id = registered.json().getString("client_id");
        assertThat(registered.json().getString("access_token_format")).isEqualTo("reference");
        assertThat(server.get("/api/v1/clients/" + id, "ACCESSTOKEN", admin).json().getString("access_token_format"))
                .isEqualTo("reference");
        assertThat(server.get("/api/v1/clients", "ACCESSTOKEN", admin).json().getJsonArray("clients").getJsonObject(0)
                .getString("access_token_format")).isEqualTo("reference");
    }

    @Test
    void registerWhenAccessTokenFormatUnknownOrNotAStringThenInvalidClientMetadata() {
        for (String format : List.of("\"opaque\"", "\"JWT\"", "\"\"", "1", "[\"jwt\"]")) {
            Reply reply = server.postJson("/api/v1/clients", "{\"name\":\"Backend\",\"scopes\":[\"connect\"],"
                    + "\"type\":\"confidential\",\"access_token_format\":" + format + "}", "ACCESSTOKEN", admin);

            assertThat(reply.status()).as(format).isEqualTo(400);
            assertThat(reply.json().getString("error")).as(format).isEqualTo("invalid_client_metadata");
        }
        assertThat(server.get("/api/v1/clients", "ACCESSTOKEN", admin).json().getJsonArray("clients")).isEmpty();
    }

    @Test
    void registerWhenOpenIdSettingInvalidThenInvalidRequest() {
        for (String member : List.of("\"post_logout_redirect_uris\":[\"http://rp.example.com/bye\"]",
                "\"post_logout_redirect_uris\":[\"https://rp.example.com/bye#x\"]", "\"post_logout_redirect_uris\":\"https://rp.example.com/bye\"",
                "\"subject_type\":\"secret\"", "\"resources\":[\"relative/api\"]", "\"resources\":[\"https://api.example.com/#f\"]",
                "\"resources\":\"https://api.example.com/\"", "\"default_max_age\":-1", "\"default_max_age\":1.5", "\"default_max_age\":\"60\"",
                "\"default_max_age\":1000000000")) {
            Reply reply = server.postJson("/api/v1/clients", "{\"name\":\"RP\",\"redirect_uris\":[\"https://rp.example.com/cb\"],"
                    + "\"scopes\":[\"connect\"],\"type\":\"public\"," + member + "}", "ACCESSTOKEN", admin);

            assertThat(reply.status()).as(member).isEqualTo(400);
            assertThat(reply.json().getString("error")).as(member).isEqualTo("invalid_request");
        }
    }

    @Test
    void registerWhenUnknownMemberThenInvalidClientMetadataNamingIt() {
        Reply reply = server.postJson("/api/v1/clients", "{\"name\":\"RP\",\"redirect_uris\":[\"https://rp.example.com/cb\"],"
                + "\"scopes\":[\"connect\"],\"type\":\"public\",\"post_logout_redirect_uri\":\"https://rp.example.com/bye\"}",
                "ACCESSTOKEN", admin);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().getString("error")).isEqualTo("invalid_client_metadata");
        assertThat(reply.json().getString("error_description")).contains("post_logout_redirect_uri");
        assertThat(server.get("/api/v1/clients", "ACCESSTOKEN", admin).json().getJsonArray("clients")).isEmpty();
    }

    @Test
    void rotateSecretThenOldSecretStopsWorking() {
        RegisteredClient client = server.confidentialClient();
        String id = client.client().id().value();

        Reply rotated = server.postJson("/api/v1/clients/" + id + "/secret", null, "ACCESSTOKEN", admin);

        assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
        String newSecret = rotated.json().getString("client_secret");
        assertThat(newSecret).isNotEqualTo(client.secret().orElseThrow());
        assertThat(server.postForm("/oauth/token", "grant_type=client_credentials", "Authorization",
                TestServer.basic(client)).status()).isEqualTo(401);
        assertThat(server.postForm("/oauth/token", "grant_type=client_credentials&client_id=" + id + "&client_secret="
                + FormCodec.encode(newSecret)).status()).isEqualTo(200);
    }

    @Test
    void deleteClientThenItsTokensStopAtOnce() {
        RegisteredClient client = server.confidentialClient();
        String token = server.exchange(client, server.code(client, server.customer(), "connect")).json().getString("access_token");

        Reply deleted = server.send("DELETE", "/api/v1/clients/" + client.client().id().value(), null, null, "ACCESSTOKEN", admin);

        assertThat(deleted.status()).isEqualTo(204);
        assertThat(server.get("/oauth/info", "Authorization", "Bearer " + token).status()).isEqualTo(401);
        assertThat(server.get("/api/v1/clients/" + client.client().id().value(), "ACCESSTOKEN", admin).status()).isEqualTo(404);
    }

    @Test
    void clientMethodsWhenCallerIsCustomerThen403() {
        String customer = server.customer().apiKey().key().value();
        RegisteredClient client = server.confidentialClient();
        String path = "/api/v1/clients/" + client.client().id().value();

        assertThat(server.get("/api/v1/clients", "ACCESSTOKEN", customer).status()).isEqualTo(403);
        assertThat(server.get(path, "ACCESSTOKEN", customer).status()).isEqualTo(403);
        assertThat(server.postJson(path + "/secret", null, "ACCESSTOKEN", customer).status()).isEqualTo(403);
        assertThat(server.send("DELETE", path, null, null, "ACCESSTOKEN", customer).status()).isEqualTo(403);
        assertThat(server.postJson("/api/v1/clients", "{}", "ACCESSTOKEN", customer).status()).isEqualTo(403);
        assertThat(server.postJson("/api/v1/clients", "{\"unknown\":1}", "ACCESSTOKEN", customer).status())
                .as("403 before 400").isEqualTo(403);
    }

    @Test
    void whenClientUnknownThen404() {
        Reply reply = server.get("/api/v1/clients/unknown-client", "ACCESSTOKEN", admin);

        ErrorMappingTest.assertConnectError(reply, 404, "not_found", 404);
    }
}
