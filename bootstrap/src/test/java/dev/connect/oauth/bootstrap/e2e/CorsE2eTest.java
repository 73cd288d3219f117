package dev.connect.oauth.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import dev.connect.oauth.bootstrap.e2e.E2eServer.TestClient;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A single-page app on another origin, as its browser would call the server started with
 * {@code CONNECT_CORS_ORIGINS}: a preflight of the token request, then the PKCE code exchange of
 * a public client, both carrying {@code Origin}. The embedded database is enough: CORS is HTTP only.
 */
class CorsE2eTest extends ServerSuite {
    private static final String APP = "http://localhost:3000";

    CorsE2eTest() {
        super(Backend.H2);
    }

    @Override
    Map<String, String> settings() {
        return Map.of("CONNECT_CORS_ORIGINS", "https://app.example.com, " + APP);
    }

    @Test
    void tokenWhenCalledFromAllowedOriginThenPreflightAndExchangeCarryCors() throws Exception {
        TestClient spa = server.registerClient("public", URI.create(APP + "/callback"), List.of("connect"));
        CodeVerifier verifier = new CodeVerifier();
        AuthorizationCode code = new OAuthClient(server).authorizeWithApiKey(spa,
                server.createCustomer("correct horse battery staple"), new Scope("connect"), verifier);

        Reply preflight = server.request("OPTIONS", "/oauth/token").header("Origin", APP)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type, x-version").send();
        Reply token = server.request("POST", "/oauth/token").header("Origin", APP)
                .form("grant_type", "authorization_code", "code", code.getValue(), "redirect_uri", spa.redirectUri().toString(),
                        "client_id", spa.id(), "code_verifier", verifier.getValue())
                .send();

        assertThat(preflight.status()).as("preflight: %s", preflight).isEqualTo(204);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo(APP);
        assertThat(preflight.header("Access-Control-Allow-Methods")).isEqualTo("POST");
        assertThat(preflight.header("Access-Control-Allow-Headers")).contains("Content-Type", "X-VERSION");
        assertThat(preflight.header("Access-Control-Max-Age")).isEqualTo("600");
        assertThat(token.status()).as("token: %s", token).isEqualTo(200);
        assertThat(token.json().getString("access_token")).isNotBlank();
        assertThat(token.header("Access-Control-Allow-Origin")).isEqualTo(APP);
        assertThat(token.header("Access-Control-Expose-Headers")).contains("X-Request-Id");
        assertThat(token.header("Vary")).isEqualTo("Origin");
    }

    @Test
    void tokenWhenOriginNotAllowedThenNoCorsHeaders() {
        Reply preflight = server.request("OPTIONS", "/oauth/token").header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST").send();

        assertThat(preflight.status()).isEqualTo(405);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
    }
}
