package dev.connect.oauth.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connect.oauth.application.port.out.ClientAssertion;
import dev.connect.oauth.testkit.fake.FakeClientAssertionCodec;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Dynamic client registration (RFC 7591), the client configuration endpoint (RFC 7592) and
 * {@code private_key_jwt} at the token, revocation and introspection endpoints (RFC 7523), over HTTP.
 */
class RegistrationEndpointsTest {
    private static final String JWKS = FakeClientAssertionCodec.jwkSet("key-1");

    private final TestServer server = TestServer.start();
    private final String admin = server.adminKey();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void registerWhenAdminKeyThen201WithCredentialsAndMetadata() {
        Reply reply = register(new JsonObject().put("client_name", "Partner").put("redirect_uris",
                new JsonArray().add("https://partner.example.com/cb")).put("scope", "connect"), admin);

        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        JsonObject body = reply.json();
        String id = body.getString("client_id");
        assertThat(body.getString("client_secret")).isNotBlank();
        assertThat(body.getLong("client_secret_expires_at")).isZero();
        assertThat(body.getLong("client_id_issued_at")).isPositive();
        assertThat(body.getString("registration_access_token")).isNotBlank();
        assertThat(body.getString("registration_client_uri")).isEqualTo(TestServer.ISSUER + "/oauth/register/" + id);
        assertThat(body.getString("token_endpoint_auth_method")).isEqualTo("client_secret_basic");
        assertThat(body.getJsonArray("grant_types")).containsExactly("authorization_code", "refresh_token",
                "client_credentials", "urn:ietf:params:oauth:grant-type:device_code");
        assertThat(body.getJsonArray("response_types")).containsExactly("code");
        assertThat(body.getString("access_token_format")).isEqualTo("jwt");
        assertThat(body.getString("scope")).isEqualTo("connect");
        assertThat(reply.header("Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void registerWhenNoOrWrongOrCustomerTokenThenRefused() {
        JsonObject metadata = new JsonObject().put("redirect_uris", new JsonArray().add("https://x.example.com/cb"));

        Reply missing = server.postJson("/oauth/register", metadata.encode());
        Reply wrong = register(metadata, "ck_" + "A".repeat(43));
        Reply customer = register(metadata, server.customer().apiKey().key().value());

        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.json().getString("error")).isEqualTo("invalid_token");
        assertThat(missing.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.json().getString("error")).isEqualTo("invalid_token");
        assertThat(customer.status()).isEqualTo(403);
    }

    @Test
    void registerWhenMetadataUnknownOrInvalidThenInvalidClientMetadata() {
        for (JsonObject metadata : List.of(
                new JsonObject().put("redirect_uris", new JsonArray().add("https://x.example.com/cb")).put("logo_uri", "https://x"),
                new JsonObject().put("token_endpoint_auth_method", "client_secret_jwt").put("token_endpoint_auth_signing_alg", "RS256"),
                new JsonObject().put("token_endpoint_auth_method", "private_key_jwt"),
                new JsonObject().put("token_endpoint_auth_method", "private_key_jwt").put("jwks", new JsonObject(JWKS))
                        .put("jwks_uri", "https://x.example.com/jwks"),
                new JsonObject().put("grant_types", new JsonArray().add("password")),
                new JsonObject().put("grant_types", new JsonArray().add("authorization_code")),
                new JsonObject().put("scope", "unknown-scope"),
                new JsonObject().put("jwks", "not an object"),
                new JsonObject().put("access_token_format", "opaque"),
                new JsonObject().put("access_token_format", true))) {
            Reply reply = register(metadata, admin);

            assertThat(reply.status()).as(metadata.encode()).isEqualTo(400);
            assertThat(reply.json().getString("error")).as(metadata.encode()).isEqualTo("invalid_client_metadata");
        }
    }

    @Test
    void registerWhenReferenceAccessTokensThenShownReadAndChangedByAnUpdate() {
        JsonObject registered = register(new JsonObject().put("grant_types", new JsonArray().add("client_credentials"))
                .put("response_types", new JsonArray()).put("access_token_format", "reference"), admin).json();
        String uri = "/oauth/register/" + registered.getString("client_id");
        String token = "Bearer " + registered.getString("registration_access_token");

        Reply read = server.get(uri, "Authorization", token);
        Reply updated = update(uri, token, registered, new JsonObject().put("access_token_format", "jwt"));

        assertThat(registered.getString("access_token_format")).isEqualTo("reference");
        assertThat(read.json().getString("access_token_format")).isEqualTo("reference");
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        assertThat(updated.json().getString("access_token_format")).isEqualTo("jwt");
    }

    @Test
    void registerWhenRedirectUriInvalidThenInvalidRedirectUri() {
        Reply reply = register(new JsonObject().put("redirect_uris", new JsonArray().add("http://x.example.com/cb")), admin);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().getString("error")).isEqualTo("invalid_redirect_uri");
    }

    @Test
    void configurationEndpointWhenRegistrationTokenThenReadsUpdatesAndDeletes() {
        JsonObject registered = register(new JsonObject().put("client_name", "Partner").put("redirect_uris",
                new JsonArray().add("https://partner.example.com/cb")), admin).json();
        String uri = "/oauth/register/" + registered.getString("client_id");
        String token = "Bearer " + registered.getString("registration_access_token");

        Reply read = server.get(uri, "Authorization", token);
        Reply updated = update(uri, token, registered, new JsonObject().put("client_name", "Renamed"));
        Reply wrongToken = server.get(uri, "Authorization", "Bearer not-the-token");
        Reply deleted = server.send("DELETE", uri, null, null, "Authorization", token);

        assertThat(read.status()).as(read.body()).isEqualTo(200);
        assertThat(read.json().getString("client_name")).isEqualTo("Partner");
        assertThat(read.json().fieldNames()).doesNotContain("client_secret", "registration_access_token");
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        assertThat(updated.json().getString("client_name")).isEqualTo("Renamed");
        assertThat(updated.json().getJsonArray("grant_types")).containsExactly("client_credentials");
        assertThat(updated.json().fieldNames()).doesNotContain("client_secret");
        assertThat(wrongToken.status()).isEqualTo(401);
        assertThat(wrongToken.json().getString("error")).isEqualTo("invalid_token");
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(server.get(uri, "Authorization", token).status()).isEqualTo(401);
    }

    @Test
    void tokenWhenPrivateKeyJwtAssertionThenTokensAndReplayRefused() {
        Reply registered = register(new JsonObject().put("token_endpoint_auth_method", "private_key_jwt")
                .put("grant_types", new JsonArray().add("client_credentials")).put("jwks", new JsonObject(JWKS)), admin);
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        JsonObject client = registered.json();
        String id = client.getString("client_id");
        assertThat(client.fieldNames()).doesNotContain("client_secret");
        String assertion = assertion(id, "jti-1");
        String form = "grant_type=client_credentials&client_assertion_type="
                + FormCodec.encode(ClientAuthentication.JWT_BEARER) + "&client_assertion=" + assertion;

        Reply first = server.postForm("/oauth/token", form);
        Reply replay = server.postForm("/oauth/token", form);

        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().getString("access_token")).isNotBlank();
        assertThat(replay.status()).isEqualTo(401);
        assertThat(replay.json().getString("error")).isEqualTo("invalid_client");
        assertThat(server.postForm("/oauth/introspect", "token=" + first.json().getString("access_token")
                + "&client_id=" + id + "&client_assertion_type=" + FormCodec.encode(ClientAuthentication.JWT_BEARER)
                + "&client_assertion=" + assertion(id, "jti-2")).json().getBoolean("active")).isTrue();
        assertThat(server.postForm("/oauth/revoke", "token=" + first.json().getString("access_token")
                + "&client_assertion_type=" + FormCodec.encode(ClientAuthentication.JWT_BEARER)
                + "&client_assertion=" + assertion(id, "jti-3")).status()).isEqualTo(200);
    }

    @Test
    void tokenWhenClientSecretJwtAssertionThenTokensAndTheSecretItselfRefused() {
        Reply registered = register(new JsonObject().put("token_endpoint_auth_method", "client_secret_jwt")
                .put("token_endpoint_auth_signing_alg", "HS256").put("grant_types", new JsonArray().add("client_credentials")), admin);
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        JsonObject client = registered.json();
        String id = client.getString("client_id");
        String secret = client.getString("client_secret");
        assertThat(secret).hasSize(86);
        assertThat(client.getLong("client_secret_expires_at")).isZero();
        assertThat(client.getString("token_endpoint_auth_method")).isEqualTo("client_secret_jwt");
        assertThat(client.getString("token_endpoint_auth_signing_alg")).isEqualTo("HS256");
        Instant now = server.app.clock.instant();
        String assertion = server.app.assertions.signWithSecret(new ClientAssertion("", "HS256", Optional.empty(),
                Optional.of(id), Optional.of(id), List.of(TestServer.ISSUER), Optional.of(now.plusSeconds(60)),
                Optional.of(now), Optional.empty(), Optional.of("jti-1")), secret);

        Reply token = server.postForm("/oauth/token", "grant_type=client_credentials&client_assertion_type="
                + FormCodec.encode(ClientAuthentication.JWT_BEARER) + "&client_assertion=" + assertion);
        Reply basic = server.postForm("/oauth/token", "grant_type=client_credentials", "Authorization", "Basic "
                + java.util.Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8)));

        assertThat(token.status()).as(token.body()).isEqualTo(200);
        assertThat(token.json().getString("access_token")).isNotBlank();
        assertThat(basic.status()).isEqualTo(401);
        assertThat(basic.json().getString("error")).isEqualTo("invalid_client");
    }

    @Test
    void tokenWhenAssertionAndSecretOrWrongTypeThenRefused() {
        String id = register(new JsonObject().put("token_endpoint_auth_method", "private_key_jwt")
                .put("grant_types", new JsonArray().add("client_credentials")).put("jwks", new JsonObject(JWKS)), admin)
                .json().getString("client_id");

        Reply both = server.postForm("/oauth/token", "grant_type=client_credentials&client_secret=x&client_assertion_type="
                + FormCodec.encode(ClientAuthentication.JWT_BEARER) + "&client_assertion=" + assertion(id, "a"));
        Reply wrongType = server.postForm("/oauth/token", "grant_type=client_credentials&client_id=" + id
                + "&client_assertion_type=saml&client_assertion=" + assertion(id, "b"));
        Reply secretInstead = server.postForm("/oauth/token", "grant_type=client_credentials&client_id=" + id
                + "&client_secret=guess");

        assertThat(both.status()).isEqualTo(400);
        assertThat(both.json().getString("error")).isEqualTo("invalid_request");
        assertThat(wrongType.status()).isEqualTo(401);
        assertThat(secretInstead.status()).isEqualTo(401);
        assertThat(secretInstead.json().getString("error")).isEqualTo("invalid_client");
    }

    @Test
    void apiV1WhenAuthMetadataThenRegisteredAndShownAndInvalidOnesRefused() {
        Reply registered = server.postJson("/api/v1/clients", new JsonObject().put("name", "Backend").put("type", "confidential")
                .put("scopes", new JsonArray().add("connect")).put("token_endpoint_auth_method", "private_key_jwt")
                .put("grant_types", new JsonArray().add("client_credentials")).put("jwks", new JsonObject(JWKS))
                .put("token_endpoint_auth_signing_alg", "ES256").encode(), "ACCESSTOKEN", admin);
        Reply invalid = server.postJson("/api/v1/clients", new JsonObject().put("name", "Backend").put("type", "public")
                .put("redirect_uris", new JsonArray().add("https://x.example.com/cb")).put("scopes", new JsonArray().add("connect"))
                .put("grant_types", new JsonArray().add("client_credentials")).encode(), "ACCESSTOKEN", admin);

        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        assertThat(registered.json().fieldNames()).doesNotContain("client_secret");
        assertThat(registered.json().getString("token_endpoint_auth_method")).isEqualTo("private_key_jwt");
        assertThat(registered.json().getJsonObject("jwks")).isEqualTo(new JsonObject(JWKS));
        assertThat(registered.json().getString("token_endpoint_auth_signing_alg")).isEqualTo("ES256");
        assertThat(registered.json().getJsonArray("response_types")).isEmpty();
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().getString("error")).isEqualTo("invalid_client_metadata");
    }

    @Test
    void claimedSubjectWhenJwtThenItsSubElseEmpty() {
        String payload = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"sub\":\"client-1\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(ClientAuthentication.claimedSubject("e30." + payload + ".sig")).contains("client-1");
        assertThat(ClientAuthentication.claimedSubject("not-a-jwt")).isEmpty();
        assertThat(ClientAuthentication.claimedSubject("e30.%%%.sig")).isEmpty();
    }

    private Reply register(JsonObject metadata, String key) {
        return server.postJson("/oauth/register", metadata.encode(), "Authorization", "Bearer " + key);
    }

    private String assertion(String clientId, String jti) {
        Instant now = server.app.clock.instant();
        return server.app.assertions.sign(new ClientAssertion("", "ES256", Optional.of("key-1"), Optional.of(clientId),
                Optional.of(clientId), List.of(TestServer.ISSUER + "/oauth/token"), Optional.of(now.plusSeconds(60)),
                Optional.of(now), Optional.empty(), Optional.of(jti)), "key-1");
    }

    /** An RFC 7592 update of a client-credentials client: {@code members} beside its id and grant types. */
    private Reply update(String uri, String token, JsonObject registered, JsonObject members) {
        JsonObject body = members.copy().put("client_id", registered.getString("client_id"))
                .put("grant_types", new JsonArray().add("client_credentials")).put("response_types", new JsonArray());
        return server.send("PUT", uri, "application/json", body.encode().getBytes(StandardCharsets.UTF_8),
                "Authorization", token);
    }
}
