package dev.connect.oauth.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connect.oauth.application.AbuseLimits;
import dev.connect.oauth.application.DpopPolicy;
import dev.connect.oauth.application.OAuthPolicy;
import dev.connect.oauth.application.port.in.CreatedAccount;
import dev.connect.oauth.application.port.in.RegisteredClient;
import dev.connect.oauth.application.testdata.TestApplication;
import dev.connect.oauth.domain.DpopProof;
import dev.connect.oauth.domain.JwkThumbprint;
import dev.connect.oauth.testkit.testdata.TestClients;
import dev.connect.oauth.testkit.testdata.TestCodes;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** DPoP (RFC 9449) over HTTP: the DPoP header at the token endpoint and the resources, nonces, challenges, metadata. */
class DpopEndpointsTest {
    private static final JwkThumbprint KEY = new JwkThumbprint("NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs");
    private static final String ALGS = "algs=\"ES256 EdDSA PS256 RS256\"";

    private TestServer server = TestServer.start();
    private final RegisteredClient client = server.publicClient();
    private final CreatedAccount account = server.customer();

    @AfterEach
    void stop() {
        server.close();
    }

    private String proof(String method, String path, Optional<String> accessToken, Optional<String> nonce) {
        TestApplication app = server.app;
        return app.dpopProofReader.register(new DpopProof(Optional.of(DpopProof.TYPE), "ES256", KEY, false, true,
                Optional.of(method), Optional.of(TestApplication.ISSUER + path), Optional.of(app.clock.instant()),
                Optional.of(UUID.randomUUID().toString()), accessToken.map(DpopProof::accessTokenHash), nonce));
    }

    private String exchangeForm() {
        return "grant_type=authorization_code&client_id=" + client.client().id().value() + "&code="
                + server.code(client, account, "connect") + "&redirect_uri=" + FormCodec.encode(TestClients.REDIRECT_URI)
                + "&code_verifier=" + TestCodes.VERIFIER;
    }

    private JsonObject boundTokens() {
        Reply reply = server.postForm("/oauth/token", exchangeForm(),
                "DPoP", proof("POST", "/oauth/token", Optional.empty(), Optional.empty()));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    @Test
    void tokenWithProofThenDpopTokenTypeAndANonce() {
        Reply reply = server.postForm("/oauth/token", exchangeForm(),
                "DPoP", proof("POST", "/oauth/token", Optional.empty(), Optional.empty()));

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().getString("token_type")).isEqualTo("DPoP");
        assertThat(reply.json().getString("type")).isEqualTo("dpop");
        assertThat(reply.header("DPoP-Nonce")).isEqualTo(server.app.dpopProofs.currentNonce());
    }

    @Test
    void tokenWithoutProofThenBearerAndNoNonce() {
        Reply reply = server.postForm("/oauth/token", exchangeForm());

        assertThat(reply.json().getString("token_type")).isEqualTo("Bearer");
        assertThat(reply.header("DPoP-Nonce")).isNull();
    }

    @Test
    void tokenWhenProofNamesAnotherUrlThen400InvalidDpopProofWithANonce() {
        Reply reply = server.postForm("/oauth/token", exchangeForm(),
                "DPoP", proof("POST", "/oauth/refresh", Optional.empty(), Optional.empty()));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().getString("error")).isEqualTo("invalid_dpop_proof");
        assertThat(reply.header("DPoP-Nonce")).isNotNull();
    }

    @Test
    void tokenWhenTwoDpopHeadersThen400InvalidDpopProof() {
        Reply reply = server.postForm("/oauth/token", exchangeForm(),
                "DPoP", proof("POST", "/oauth/token", Optional.empty(), Optional.empty()),
                "DPoP", proof("POST", "/oauth/token", Optional.empty(), Optional.empty()));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().getString("error")).isEqualTo("invalid_dpop_proof");
    }

    @Test
    void infoWithTheDpopSchemeAndAProofThenTheAccount() {
        String token = boundTokens().getString("access_token");

        Reply reply = server.get("/oauth/info", "Authorization", "DPoP " + token,
                "DPoP", proof("GET", "/oauth/info", Optional.of(token), Optional.empty()));

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().getString("id")).isEqualTo(account.account().id().value());
        assertThat(reply.header("DPoP-Nonce")).isNotNull();
    }

    /** RFC 9449 §7.2: the DPoP-bound token as a plain bearer token is refused, with both challenges. */
    @Test
    void infoWhenBoundTokenSentAsBearerThen401InvalidToken() {
        String token = boundTokens().getString("access_token");

        Reply reply = server.get("/oauth/info", "Authorization", "Bearer " + token);

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.json().getString("error")).isEqualTo("invalid_token");
        assertThat(reply.headers().allValues("WWW-Authenticate"))
                .containsExactly("Bearer error=\"invalid_token\"", "DPoP " + ALGS);
    }

    @Test
    void infoWhenProofReplayedThen401WithADpopChallenge() {
        String token = boundTokens().getString("access_token");
        String once = proof("GET", "/oauth/info", Optional.of(token), Optional.empty());
        assertThat(server.get("/oauth/info", "Authorization", "DPoP " + token, "DPoP", once).status()).isEqualTo(200);

        Reply replayed = server.get("/oauth/info", "Authorization", "DPoP " + token, "DPoP", once);

        assertThat(replayed.status()).isEqualTo(401);
        assertThat(replayed.json().getString("error")).isEqualTo("invalid_dpop_proof");
        assertThat(replayed.header("WWW-Authenticate")).isEqualTo("DPoP error=\"invalid_dpop_proof\", " + ALGS);
    }

    @Test
    void infoWhenBearerTokenSentWithTheDpopSchemeThen401InvalidToken() {
        String token = bearerToken();

        Reply reply = server.get("/oauth/info", "Authorization", "DPoP " + token,
                "DPoP", proof("GET", "/oauth/info", Optional.of(token), Optional.empty()));

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.header("WWW-Authenticate")).isEqualTo("DPoP error=\"invalid_token\", " + ALGS);
    }

    private String bearerToken() {
        return server.postForm("/oauth/token", exchangeForm()).json().getString("access_token");
    }

    @Test
    void userInfoAndInvalidateTakeTheDpopScheme() {
        String token = boundTokens().getString("access_token");

        assertThat(server.get("/oauth/invalidate", "Authorization", "Bearer " + token).status()).isEqualTo(401);
        assertThat(server.get("/oauth/invalidate", "Authorization", "DPoP " + token,
                "DPoP", proof("GET", "/oauth/invalidate", Optional.of(token), Optional.empty())).status()).isEqualTo(204);
        assertThat(server.get("/oauth/info", "Authorization", "DPoP " + token,
                "DPoP", proof("GET", "/oauth/info", Optional.of(token), Optional.empty())).status()).isEqualTo(401);
    }

    @Test
    void introspectWhenBoundThenCnfJktAndTokenTypeDpop() {
        RegisteredClient confidential = server.confidentialClient();
        String form = "grant_type=authorization_code&code=" + server.code(confidential, account, "connect")
                + "&redirect_uri=" + FormCodec.encode(TestClients.REDIRECT_URI) + "&code_verifier=" + TestCodes.VERIFIER;
        String token = server.postForm("/oauth/token", form, "Authorization", TestServer.basic(confidential),
                "DPoP", proof("POST", "/oauth/token", Optional.empty(), Optional.empty())).json().getString("access_token");

        Reply reply = server.postForm("/oauth/introspect", "token=" + token, "Authorization",
                TestServer.basic(confidential));

        assertThat(reply.json().getString("token_type")).isEqualTo("DPoP");
        assertThat(reply.json().getJsonObject("cnf")).isEqualTo(new JsonObject().put("jkt", KEY.value()));
    }

    @Test
    void metadataWhenServedThenAdvertisesTheProofAlgorithms() {
        JsonArray algs = new JsonArray().add("ES256").add("EdDSA").add("PS256").add("RS256");

        assertThat(server.get("/.well-known/oauth-authorization-server").json()
                .getJsonArray("dpop_signing_alg_values_supported")).isEqualTo(algs);
        assertThat(server.get("/.well-known/openid-configuration").json()
                .getJsonArray("dpop_signing_alg_values_supported")).isEqualTo(algs);
    }

    /** RFC 9449 §8, §9: with nonces required, a proof without the current one is refused with a fresh one. */
    @Test
    void whenNoncesRequiredThenUseDpopNonceUntilTheProofCarriesTheNonce() {
        server.close();
        TestApplication app = new TestApplication(OAuthPolicy.defaults(TestApplication.ISSUER), AbuseLimits.defaults(),
                DpopPolicy.defaults().withNonceRequired(true));
        server = TestServer.start(app, settings -> settings, TestServer.useCases(app));
        RegisteredClient publicClient = server.publicClient();
        CreatedAccount customer = server.customer();
        String form = "grant_type=authorization_code&client_id=" + publicClient.client().id().value() + "&code="
                + server.code(publicClient, customer, "connect") + "&redirect_uri="
                + FormCodec.encode(TestClients.REDIRECT_URI) + "&code_verifier=" + TestCodes.VERIFIER;

        Reply refused = server.postForm("/oauth/token", form,
                "DPoP", proof("POST", "/oauth/token", Optional.empty(), Optional.empty()));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().getString("error")).isEqualTo("use_dpop_nonce");
        String nonce = refused.header("DPoP-Nonce");

        Reply issued = server.postForm("/oauth/token", form,
                "DPoP", proof("POST", "/oauth/token", Optional.empty(), Optional.of(nonce)));
        assertThat(issued.status()).as(issued.body()).isEqualTo(200);
        String token = issued.json().getString("access_token");

        Reply resource = server.get("/oauth/info", "Authorization", "DPoP " + token,
                "DPoP", proof("GET", "/oauth/info", Optional.of(token), Optional.empty()));
        assertThat(resource.status()).isEqualTo(401);
        assertThat(resource.header("WWW-Authenticate")).isEqualTo("DPoP error=\"use_dpop_nonce\", " + ALGS);
        assertThat(resource.header("DPoP-Nonce")).isNotNull();
    }

    @Test
    void preflightWhenCorsThenAllowsTheDpopHeaderAndExposesTheNonce() {
        assertThat(CrossOriginRequests.ALLOWED_HEADERS).contains("DPoP");
        assertThat(CrossOriginRequests.EXPOSED_HEADERS).contains("DPoP-Nonce");
    }
}
