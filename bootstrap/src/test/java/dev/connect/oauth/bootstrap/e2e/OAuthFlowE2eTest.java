package dev.connect.oauth.bootstrap.e2e;

import static dev.connect.oauth.bootstrap.e2e.OAuthClient.errorCode;
import static dev.connect.oauth.bootstrap.e2e.OAuthClient.success;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.GrantType;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenIntrospectionRequest;
import com.nimbusds.oauth2.sdk.TokenIntrospectionResponse;
import com.nimbusds.oauth2.sdk.TokenIntrospectionSuccessResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.oauth2.sdk.token.Token;
import com.nimbusds.oauth2.sdk.token.Tokens;
import dev.connect.oauth.bootstrap.e2e.E2eServer.Customer;
import dev.connect.oauth.bootstrap.e2e.E2eServer.TestClient;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The whole OAuth flow as a real client library drives it (API.md §3): discovery, PKCE S256, the
 * code exchanged with Basic, with body credentials and as a public client, refresh rotation and
 * reuse detection, {@code /info}, {@code /invalidate}, revocation, introspection, client
 * credentials, access tokens verified against the JWKS, and the reference (opaque) access tokens
 * of a client that chose them. The authorization code comes from the
 * API-key variant of the authorization endpoint; the browser variant has its own suite.
 */
class OAuthFlowE2eTest {
    private static final URI REDIRECT = URI.create("http://127.0.0.1/e2e/callback");
    private static final Scope SCOPE = new Scope("connect", "triggers");

    @Nested
    @DisplayName("OAuth flow on H2")
    class OnH2 extends Flow {
        OnH2() {
            super(Backend.H2);
        }
    }

    @Nested
    @DisplayName("OAuth flow on MariaDB")
    class OnMariaDb extends Flow {
        OnMariaDb() {
            super(Backend.MARIADB);
        }
    }

    abstract static class Flow extends ServerSuite {
        private OAuthClient oauth;
        private TestClient confidential;
        private TestClient publicClient;
        private Customer customer;

        Flow(Backend backend) {
            super(backend);
        }

        @Override
        void setUp(Path dir) throws Exception {
            oauth = new OAuthClient(server);
            List<String> scopes = List.of("connect", "triggers", "actions");
            confidential = server.registerClient("confidential", REDIRECT, scopes);
            publicClient = server.registerClient("public", REDIRECT, scopes);
            customer = server.createCustomer("correct horse battery staple");
        }

        @Test
        void discoveryWhenResolvedThenNamesEveryEndpointGrantAndMethod() {
            var metadata = oauth.metadata();

            assertThat(metadata.getIssuer().getValue()).isEqualTo(server.issuer());
            assertThat(metadata.getAuthorizationEndpointURI()).isEqualTo(server.uri("/oauth/authorize"));
            assertThat(metadata.getTokenEndpointURI()).isEqualTo(server.uri("/oauth/token"));
            assertThat(metadata.getRevocationEndpointURI()).isEqualTo(server.uri("/oauth/revoke"));
            assertThat(metadata.getIntrospectionEndpointURI()).isEqualTo(server.uri("/oauth/introspect"));
            assertThat(metadata.getJWKSetURI()).isEqualTo(server.uri("/oauth/jwks"));
            assertThat(metadata.getGrantTypes())
                    .contains(GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN, GrantType.CLIENT_CREDENTIALS);
            assertThat(metadata.getCodeChallengeMethods()).contains(CodeChallengeMethod.S256);
            assertThat(metadata.getTokenEndpointAuthMethods()).contains(ClientAuthenticationMethod.CLIENT_SECRET_BASIC,
                    ClientAuthenticationMethod.CLIENT_SECRET_POST, ClientAuthenticationMethod.NONE);
            assertThat(metadata.getScopes().toStringList()).contains("connect", "triggers", "actions", "tests");
        }

        @Test
        void exchangeWhenClientSecretBasicThenAccessTokenVerifiesAgainstJwks() throws Exception {
            CodeVerifier verifier = new CodeVerifier();
            AuthorizationCode code = oauth.authorizeWithApiKey(confidential, customer, SCOPE, verifier);

            HTTPResponse response = oauth.send(new TokenRequest.Builder(oauth.metadata().getTokenEndpointURI(),
                    confidential.basic(), oauth.codeGrant(code, confidential, verifier)).build());
            Tokens tokens = success(TokenResponse.parse(response));

            assertThat(response.getHeaderValue("Cache-Control")).isEqualTo("no-store");
            assertThat(tokens.getBearerAccessToken().getLifetime()).isPositive();
            assertThat(tokens.getAccessToken().getScope()).isEqualTo(SCOPE);
            assertThat(tokens.getRefreshToken()).isNotNull();
            JWTClaimsSet claims = oauth.verify(tokens.getAccessToken(), confidential.id(), "connect triggers");
            assertThat(claims.getSubject()).isEqualTo(customer.id());
            assertThat(claims.getAudience()).containsExactly(server.issuer());
            assertThat(claims.getJWTID()).isNotBlank();
            assertThat(claims.getExpirationTime()).isAfter(claims.getIssueTime());
            assertThat(claims.getExpirationTime().toInstant()).isAfter(Instant.now());
        }

        @Test
        void exchangeWhenClientSecretPostThenInfoDescribesTheAccount() throws Exception {
            CodeVerifier verifier = new CodeVerifier();
            AuthorizationCode code = oauth.authorizeWithApiKey(confidential, customer, SCOPE, verifier);

            Tokens tokens = success(oauth.token(confidential.post(), oauth.codeGrant(code, confidential, verifier)));

            Reply info = info(tokens.getAccessToken());
            assertThat(info.status()).isEqualTo(200);
            assertThat(info.json()).isEqualTo(new JsonObject().put("id", customer.id()).put("user", customer.name())
                    .put("email", customer.email()).put("client_id", confidential.id()).put("scope", "connect triggers"));
        }

        @Test
        void exchangeWhenPublicClientSendsVerifierThenTokensIssued() throws Exception {
            CodeVerifier verifier = new CodeVerifier();
            AuthorizationCode code = oauth.authorizeWithApiKey(publicClient, customer, SCOPE, verifier);

            Tokens tokens = success(oauth.token(publicClient, oauth.codeGrant(code, publicClient, verifier)));

            oauth.verify(tokens.getAccessToken(), publicClient.id(), "connect triggers");
            assertThat(info(tokens.getAccessToken()).json().getString("client_id")).isEqualTo(publicClient.id());
        }

        @Test
        void exchangeWhenVerifierDoesNotMatchChallengeThenInvalidGrant() throws Exception {
            AuthorizationCode code = oauth.authorizeWithApiKey(publicClient, customer, SCOPE, new CodeVerifier());

            assertThat(errorCode(oauth.token(publicClient, oauth.codeGrant(code, publicClient, new CodeVerifier()))))
                    .isEqualTo("invalid_grant");
        }

        @Test
        void exchangeWhenCodeRedeemedAgainAfterItsTokensWereUsedThenInvalidGrantAndTheirSuccessorsRevoked()
                throws Exception {
            CodeVerifier verifier = new CodeVerifier();
            AuthorizationCode code = oauth.authorizeWithApiKey(confidential, customer, SCOPE, verifier);
            Tokens first = success(oauth.token(confidential.basic(), oauth.codeGrant(code, confidential, verifier)));
            Tokens refreshed = success(refresh(first.getRefreshToken()));

            assertThat(errorCode(oauth.token(confidential.basic(), oauth.codeGrant(code, confidential, verifier))))
                    .isEqualTo("invalid_grant");

            assertThat(info(refreshed.getAccessToken()).status()).isEqualTo(401);
            assertThat(errorCode(refresh(refreshed.getRefreshToken())))
                    .isEqualTo("invalid_grant");
        }

        @Test
        void exchangeWhenRetriedWithinTheGraceThenAFreshPairReplacesTheUnusedOne() throws Exception {
            CodeVerifier verifier = new CodeVerifier();
            AuthorizationCode code = oauth.authorizeWithApiKey(confidential, customer, SCOPE, verifier);
            Tokens lost = success(oauth.token(confidential.basic(), oauth.codeGrant(code, confidential, verifier)));

            Tokens retried = success(oauth.token(confidential.basic(), oauth.codeGrant(code, confidential, verifier)));

            assertThat(info(retried.getAccessToken()).status()).isEqualTo(200);
            assertThat(info(lost.getAccessToken()).status()).isEqualTo(401);
            assertThat(info(success(refresh(retried.getRefreshToken())).getAccessToken()).status()).isEqualTo(200);
        }

        @Test
        void refreshWhenRetriedWithinTheGraceThenAFreshSuccessorAndTheGrantStands() throws Exception {
            Tokens issued = exchange(confidential);
            Tokens lost = success(refresh(issued.getRefreshToken()));

            Tokens retried = success(refresh(issued.getRefreshToken()));

            assertThat(retried.getRefreshToken()).isNotEqualTo(lost.getRefreshToken());
            assertThat(info(lost.getAccessToken()).status()).isEqualTo(401);
            assertThat(info(success(refresh(retried.getRefreshToken())).getAccessToken()).status()).isEqualTo(200);
        }

        @Test
        void refreshWhenUsedThenRotatesAndReuseOfRetiredTokenRevokesTheGrant() throws Exception {
            Tokens issued = exchange(confidential);

            Tokens second = success(refresh(issued.getRefreshToken()));
            Tokens third = success(refresh(second.getRefreshToken()));

            assertThat(List.of(issued.getRefreshToken(), second.getRefreshToken(), third.getRefreshToken()))
                    .doesNotHaveDuplicates();
            assertThat(info(third.getAccessToken()).status()).isEqualTo(200);

            assertThat(errorCode(refresh(issued.getRefreshToken())))
                    .isEqualTo("invalid_grant");

            assertThat(info(third.getAccessToken()).status()).isEqualTo(401);
            assertThat(errorCode(refresh(third.getRefreshToken())))
                    .isEqualTo("invalid_grant");
        }

        @Test
        void refreshWhenNarrowerScopeAskedThenNewTokenCarriesIt() throws Exception {
            Tokens issued = exchange(confidential);

            Tokens narrowed = success(oauth.token(confidential.basic(), new RefreshTokenGrant(issued.getRefreshToken()),
                    new Scope("connect")));

            oauth.verify(narrowed.getAccessToken(), confidential.id(), "connect");
        }

        @Test
        void refreshEndpointWhenCalledWithoutGrantTypeThenRotates() throws Exception {
            Tokens issued = exchange(confidential);

            Reply reply = server.request("POST", oauth.endpoint("refresh_endpoint"))
                    .basic(confidential.id(), confidential.secret().orElseThrow())
                    .form("refresh_token", issued.getRefreshToken().getValue()).send();

            assertThat(reply.status()).as("refresh: %s", reply).isEqualTo(200);
            assertThat(reply.header("Cache-Control")).isEqualTo("no-store");
            assertThat(reply.json().getString("refresh_token")).isNotEqualTo(issued.getRefreshToken().getValue());
        }

        @Test
        void tokenResponseWhenIssuedThenCarriesTheSeedMembersToo() throws Exception {
            Tokens issued = exchange(confidential);

            Reply reply = server.request("POST", "/oauth/token").basic(confidential.id(), confidential.secret().orElseThrow())
                    .form("grant_type", "refresh_token", "refresh_token", issued.getRefreshToken().getValue()).send();

            JsonObject body = reply.json();
            assertThat(body.getString("token_type")).isEqualTo("Bearer");
            assertThat(body.getString("type")).isEqualTo("bearer");
            assertThat(body.getLong("expires_at")).isCloseTo(Instant.now().getEpochSecond() + body.getLong("expires_in"),
                    within(60L));
            assertThat(body.getLong("refresh_expires_in")).isPositive();
            assertThat(body.getString("scope")).isEqualTo("connect triggers");
        }

        @Test
        void infoWhenCalledAtBothPathsThenSameAnswer() throws Exception {
            Tokens tokens = exchange(confidential);

            Reply prefixed = server.request("GET", "/oauth/info").bearer(tokens.getAccessToken().getValue()).send();
            Reply bare = server.request("GET", "/info").bearer(tokens.getAccessToken().getValue()).send();

            assertThat(prefixed.status()).isEqualTo(200);
            assertThat(bare.status()).isEqualTo(200);
            assertThat(bare.json()).isEqualTo(prefixed.json());
        }

        @Test
        void invalidateWhenCalledThen204AndAccessAndRefreshTokenStopWorking() throws Exception {
            Tokens tokens = exchange(confidential);

            Reply invalidated = server.request("POST", oauth.endpoint("invalidate_endpoint"))
                    .bearer(tokens.getAccessToken().getValue()).send();

            assertThat(invalidated.status()).isEqualTo(204);
            Reply info = info(tokens.getAccessToken());
            assertThat(info.status()).isEqualTo(401);
            assertThat(info.header("WWW-Authenticate")).isEqualTo("Bearer error=\"invalid_token\"");
            assertThat(info.json().getString("error")).isEqualTo("invalid_token");
            assertThat(errorCode(refresh(tokens.getRefreshToken())))
                    .isEqualTo("invalid_grant");
            assertThat(server.request("GET", "/oauth/invalidate").bearer(tokens.getAccessToken().getValue()).send().status())
                    .isEqualTo(401);
        }

        @Test
        void revokeWhenAccessTokenRevokedThenInactiveAndInfo401() throws Exception {
            Tokens tokens = exchange(confidential);

            HTTPResponse revoked = oauth.send(new TokenRevocationRequest(oauth.metadata().getRevocationEndpointURI(),
                    confidential.basic(), tokens.getAccessToken()));

            assertThat(revoked.getStatusCode()).isEqualTo(200);
            assertThat(introspect(tokens.getAccessToken()).isActive()).isFalse();
            assertThat(info(tokens.getAccessToken()).status()).isEqualTo(401);
        }

        @Test
        void revokeWhenRefreshTokenRevokedThenRefreshFails() throws Exception {
            Tokens tokens = exchange(confidential);

            HTTPResponse revoked = oauth.send(new TokenRevocationRequest(oauth.metadata().getRevocationEndpointURI(),
                    confidential.basic(), tokens.getRefreshToken()));

            assertThat(revoked.getStatusCode()).isEqualTo(200);
            assertThat(introspect(tokens.getRefreshToken()).isActive()).isFalse();
            assertThat(errorCode(refresh(tokens.getRefreshToken())))
                    .isEqualTo("invalid_grant");
        }

        @Test
        void revokeWhenTokenUnknownThen200() throws Exception {
            HTTPResponse revoked = oauth.send(new TokenRevocationRequest(oauth.metadata().getRevocationEndpointURI(),
                    confidential.basic(), new BearerAccessToken("never-issued")));

            assertThat(revoked.getStatusCode()).isEqualTo(200);
        }

        @Test
        void introspectWhenAccessTokenValidThenActiveWithItsClaims() throws Exception {
            Tokens tokens = exchange(confidential);

            TokenIntrospectionSuccessResponse introspection = introspect(tokens.getAccessToken());

            assertThat(introspection.isActive()).isTrue();
            assertThat(introspection.getScope()).isEqualTo(SCOPE);
            assertThat(introspection.getClientID()).isEqualTo(confidential.clientId());
            assertThat(introspection.getSubject().getValue()).isEqualTo(customer.id());
            assertThat(introspection.getIssuer().getValue()).isEqualTo(server.issuer());
            assertThat(introspection.getExpirationTime()).isInTheFuture();
        }

        @Test
        void introspectWhenTokenUnknownThenInactive() throws Exception {
            assertThat(introspect(new BearerAccessToken("never-issued")).isActive()).isFalse();
        }

        @Test
        void clientCredentialsWhenConfidentialThenAccessTokenWithoutRefreshToken() throws Exception {
            Tokens tokens = success(oauth.token(confidential.basic(), new ClientCredentialsGrant(), new Scope("triggers")));

            assertThat(tokens.getRefreshToken()).isNull();
            JWTClaimsSet claims = oauth.verify(tokens.getAccessToken(), confidential.id(), "triggers");
            assertThat(claims.getJWTID()).isNotBlank();
            assertThat(introspect(tokens.getAccessToken()).isActive()).isTrue();
        }

        @Test
        void clientCredentialsWhenReferenceClientThenOpaqueTokenIntrospectedLikeAJwtAndRevocableAtOnce()
                throws Exception {
            TestClient reference = server.registerClient("confidential", REDIRECT, List.of("connect", "triggers"),
                    new JsonObject().put("access_token_format", "reference"));

            AccessToken token = success(oauth.token(reference.basic(), new ClientCredentialsGrant(), new Scope("triggers")))
                    .getAccessToken();

            assertThat(token.getValue()).doesNotContain(".").matches("[A-Za-z0-9_-]{51}");
            TokenIntrospectionSuccessResponse introspection = introspect(reference, token);
            assertThat(introspection.isActive()).isTrue();
            assertThat(introspection.getScope()).isEqualTo(new Scope("triggers"));
            assertThat(introspection.getClientID()).isEqualTo(reference.clientId());
            assertThat(introspection.getSubject()).isNull(); // client credentials: no account
            assertThat(introspection.getAudience()).extracting(Object::toString).containsExactly(server.issuer());
            assertThat(introspection.getJWTID()).isNotNull();
            assertThat(introspection.getIssueTime()).isNotNull();
            assertThat(introspection.getExpirationTime()).isInTheFuture();

            AccessToken ofAccount = exchange(reference).getAccessToken();
            assertThat(ofAccount.getValue()).doesNotContain(".");
            Reply info = info(ofAccount);
            assertThat(info.status()).as(info.body()).isEqualTo(200);
            assertThat(info.json().getString("client_id")).isEqualTo(reference.id());

            assertThat(oauth.send(new TokenRevocationRequest(oauth.metadata().getRevocationEndpointURI(),
                    reference.basic(), token)).getStatusCode()).isEqualTo(200);
            assertThat(introspect(reference, token).isActive()).isFalse();
        }

        @Test
        void clientCredentialsWhenPublicClientThenUnauthorizedClient() {
            // The SDK refuses to build this request (it has no client to act for), so it goes by hand.
            Reply reply = server.request("POST", "/oauth/token")
                    .form("grant_type", "client_credentials", "client_id", publicClient.id()).send();

            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.json().getString("error")).isEqualTo("unauthorized_client");
        }

        @Test
        void verifyWhenAccessTokenTamperedThenSignatureFailsAndInfo401() throws Exception {
            String jwt = exchange(confidential).getAccessToken().getValue();
            String[] parts = jwt.split("\\.");
            JsonObject payload = new JsonObject(new String(Base64.getUrlDecoder().decode(parts[1]),
                    StandardCharsets.UTF_8)).put("scope", "connect triggers actions");
            String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(payload.encode().getBytes(StandardCharsets.UTF_8)) + "." + parts[2];

            assertThatThrownBy(() -> oauth.verify(new BearerAccessToken(forged), confidential.id(), "connect triggers actions"))
                    .isInstanceOf(BadJOSEException.class);
            assertThat(info(new BearerAccessToken(forged)).status()).isEqualTo(401);
        }

        private Tokens exchange(TestClient client) throws Exception {
            CodeVerifier verifier = new CodeVerifier();
            AuthorizationCode code = oauth.authorizeWithApiKey(client, customer, SCOPE, verifier);
            return success(oauth.token(client.basic(), oauth.codeGrant(code, client, verifier)));
        }

        private TokenResponse refresh(RefreshToken token) throws Exception {
            return oauth.token(confidential.basic(), new RefreshTokenGrant(token));
        }

        private Reply info(AccessToken token) {
            return server.request("GET", oauth.endpoint("info_endpoint")).bearer(token.getValue()).send();
        }

        private TokenIntrospectionSuccessResponse introspect(Token token) throws Exception {
            return introspect(confidential, token);
        }

        private TokenIntrospectionSuccessResponse introspect(TestClient client, Token token) throws Exception {
            HTTPResponse response = oauth.send(new TokenIntrospectionRequest(oauth.metadata().getIntrospectionEndpointURI(),
                    client.basic(), token));
            TokenIntrospectionResponse parsed = TokenIntrospectionResponse.parse(response);
            assertThat(parsed.indicatesSuccess()).as("introspection: %s", response.getBody()).isTrue();
            return parsed.toSuccessResponse();
        }
    }
}
