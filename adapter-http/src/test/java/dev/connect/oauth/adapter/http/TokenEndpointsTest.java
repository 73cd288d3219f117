package dev.connect.oauth.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connect.oauth.application.port.in.CreatedAccount;
import dev.connect.oauth.application.port.in.RegisteredClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** info, invalidate, revoke, introspect, metadata and JWKS (API.md §3), at both paths of each. */
class TokenEndpointsTest {
    private final TestServer server = TestServer.start();
    private final RegisteredClient client = server.confidentialClient();
    private final CreatedAccount account = server.customer();

    @AfterEach
    void stop() {
        server.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/oauth/info", "/info"})
    void infoWhenTokenValidThenAccount(String path) {
        String token = tokens("connect triggers").getString("access_token");

        Reply reply = server.get(path, "Authorization", "Bearer " + token);

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json()).isEqualTo(new JsonObject()
                .put("id", account.account().id().value())
                .put("user", "Ada Lovelace")
                .put("email", account.account().email().value())
                .put("client_id", client.client().id().value())
                .put("scope", "connect triggers"));
    }

    @Test
    void infoWhenTokenForgedThen401() {
        Reply reply = server.get("/oauth/info", "Authorization", "Bearer eyJhbGciOiJub25lIn0.e30.forged");

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.header("WWW-Authenticate")).isEqualTo("Bearer error=\"invalid_token\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET", "POST"})
    void invalidateThen204AndTokenNoLongerWorks(String method) {
        String token = tokens("connect").getString("access_token");

        Reply reply = server.send(method, "/invalidate", null, null, "Authorization", "Bearer " + token);

        assertThat(reply.status()).isEqualTo(204);
        assertThat(reply.body()).isEmpty();
        assertThat(server.get("/oauth/info", "Authorization", "Bearer " + token).status()).isEqualTo(401);
        assertThat(server.get("/oauth/invalidate", "Authorization", "Bearer " + token).status()).isEqualTo(401);
    }

    @Test
    void invalidateWhenTokenUnknownThen401() {
        Reply reply = server.get("/oauth/invalidate", "Authorization", "Bearer unknown");

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.json().getString("error")).isEqualTo("invalid_token");
    }

    @Test
    void revokeWhenTokenUnknownThen200() {
        Reply reply = server.postForm("/oauth/revoke", "token=nothing-like-a-token", "Authorization", TestServer.basic(client));

        assertThat(reply.status()).isEqualTo(200);
    }

    @Test
    void revokeRefreshTokenThenItsGrantStopsWorking() {
        JsonObject tokens = tokens("connect");

        Reply reply = server.postForm("/revoke", "token=" + tokens.getString("refresh_token")
                + "&token_type_hint=refresh_token", "Authorization", TestServer.basic(client));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(server.postForm("/oauth/refresh", "refresh_token=" + tokens.getString("refresh_token"),
                "Authorization", TestServer.basic(client)).status()).isEqualTo(400);
    }

    @Test
    void revokeWhenClientNotAuthenticatedThen401() {
        Reply reply = server.postForm("/oauth/revoke", "token=x&client_id=" + client.client().id().value()
                + "&client_secret=wrong");

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.json().getString("error")).isEqualTo("invalid_client");
    }

    @Test
    void introspectWhenActiveThenRfc7662Members() {
        String token = tokens("connect triggers").getString("access_token");

        Reply reply = server.postForm("/oauth/introspect", "token=" + token, "Authorization", TestServer.basic(client));

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonObject body = reply.json();
        assertThat(body.getBoolean("active")).isTrue();
        assertThat(body.getString("client_id")).isEqualTo(client.client().id().value());
        assertThat(body.getString("scope")).isEqualTo("connect triggers");
        assertThat(body.getString("sub")).isEqualTo(account.account().id().value());
        assertThat(body.getString("iss")).isEqualTo(TestServer.ISSUER);
        assertThat(body.getLong("exp")).isGreaterThan(body.getLong("iat"));
        assertThat(body.getString("jti")).isNotBlank();
    }

    @Test
    void introspectWhenNotValidThenOnlyInactive() {
        Reply reply = server.postForm("/introspect", "token=garbage", "Authorization", TestServer.basic(client));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json()).isEqualTo(new JsonObject().put("active", false));
    }

    @Test
    void metadataNamesEveryEndpointGrantPkceMethodAuthMethodAndScope() {
        Reply reply = server.get("/.well-known/oauth-authorization-server");

        assertThat(reply.status()).isEqualTo(200);
        JsonObject metadata = reply.json();
        assertThat(metadata.getString("issuer")).isEqualTo("http://localhost");
        assertThat(metadata.getString("authorization_endpoint")).isEqualTo("http://localhost/oauth/authorize");
        assertThat(metadata.getString("token_endpoint")).isEqualTo("http://localhost/oauth/token");
        assertThat(metadata.getString("revocation_endpoint")).isEqualTo("http://localhost/oauth/revoke");
        assertThat(metadata.getString("introspection_endpoint")).isEqualTo("http://localhost/oauth/introspect");
        assertThat(metadata.getString("jwks_uri")).isEqualTo("http://localhost/oauth/jwks");
        assertThat(metadata.getString("refresh_endpoint")).isEqualTo("http://localhost/oauth/refresh");
        assertThat(metadata.getString("info_endpoint")).isEqualTo("http://localhost/oauth/info");
        assertThat(metadata.getString("invalidate_endpoint")).isEqualTo("http://localhost/oauth/invalidate");
        assertThat(strings(metadata, "grant_types_supported"))
                .containsExactly("authorization_code", "refresh_token", "client_credentials",
                        "urn:ietf:params:oauth:grant-type:device_code");
        assertThat(metadata.getString("device_authorization_endpoint"))
                .isEqualTo("http://localhost/oauth/device_authorization");
        assertThat(strings(metadata, "response_types_supported")).containsExactly("code");
        assertThat(strings(metadata, "code_challenge_methods_supported")).containsExactly("S256", "plain");
        assertThat(strings(metadata, "token_endpoint_auth_methods_supported"))
                .containsExactly("client_secret_basic", "client_secret_post", "client_secret_jwt", "private_key_jwt", "none");
        assertThat(strings(metadata, "token_endpoint_auth_signing_alg_values_supported"))
                .contains("ES256", "RS256", "HS256", "HS512").doesNotContain("none");
        assertThat(metadata.getString("registration_endpoint")).isEqualTo("http://localhost/oauth/register");
        assertThat(strings(metadata, "revocation_endpoint_auth_methods_supported")).contains("client_secret_basic", "client_secret_jwt");
        assertThat(strings(metadata, "introspection_endpoint_auth_methods_supported")).contains("client_secret_basic", "client_secret_jwt");
        assertThat(strings(metadata, "scopes_supported")).containsExactlyInAnyOrder("connect", "triggers", "actions", "tests",
                "openid", "profile", "email", "phone");
        assertThat(metadata.getBoolean("authorization_response_iss_parameter_supported")).isTrue();
    }

    @Test
    void metadataWhenPlainPkceForbiddenThenOnlyS256() {
        try (TestServer strict = TestServer.start(settings -> settings.allowPlainPkce(false))) {
            JsonObject metadata = strict.get("/.well-known/oauth-authorization-server").json();

            assertThat(strings(metadata, "code_challenge_methods_supported")).containsExactly("S256");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/oauth/jwks", "/jwks"})
    void jwksThenKeySetJson(String path) {
        Reply reply = server.get(path, "Accept", "application/jwk-set+json");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().getJsonArray("keys")).isEqualTo(new JsonArray());
    }

    private JsonObject tokens(String scope) {
        Reply reply = server.exchange(client, server.code(client, account, scope));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    private static List<String> strings(JsonObject metadata, String member) {
        return metadata.getJsonArray(member).stream().map(String.class::cast).toList();
    }
}
