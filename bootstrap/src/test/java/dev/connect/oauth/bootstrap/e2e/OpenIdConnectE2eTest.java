package dev.connect.oauth.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.SubjectType;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import com.nimbusds.openid.connect.sdk.UserInfoResponse;
import com.nimbusds.openid.connect.sdk.claims.AccessTokenHash;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.claims.UserInfo;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import dev.connect.oauth.bootstrap.e2e.E2eServer.Customer;
import dev.connect.oauth.bootstrap.e2e.E2eServer.TestClient;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * OpenID Connect as the Nimbus OpenID Connect SDK drives it: provider discovery, the code flow
 * with a nonce and PKCE (the code from the API-key form of the authorization endpoint, which
 * names the issuer, RFC 9207), the ID token validated by the SDK's {@code IDTokenValidator}
 * against the JWKS, {@code at_hash}, UserInfo, and the ID token of a refresh; every answer but
 * discovery's is checked against the OpenAPI document too.
 */
class OpenIdConnectE2eTest {
    private static final URI REDIRECT = URI.create("http://127.0.0.1/oidc/callback");

    @Nested
    @DisplayName("OpenID Connect (Nimbus SDK) on H2")
    class OnH2 extends Flow {
        OnH2() {
            super(Backend.H2);
        }
    }

    @Nested
    @DisplayName("OpenID Connect (Nimbus SDK) on MariaDB")
    class OnMariaDb extends Flow {
        OnMariaDb() {
            super(Backend.MARIADB);
        }
    }

    abstract static class Flow extends ServerSuite {
        private OIDCProviderMetadata provider;
        /** Sends the SDK's requests, checking each answer against the OpenAPI document. */
        private OAuthClient oauth;
        private IDTokenValidator validator;
        private TestClient client;
        private Customer customer;

        Flow(Backend backend) {
            super(backend);
        }

        @Override
        void setUp(Path dir) throws Exception {
            provider = OIDCProviderMetadata.resolve(new Issuer(server.issuer()));
            oauth = new OAuthClient(server);
            client = server.registerClient("confidential", REDIRECT, List.of("connect"));
            customer = server.createCustomer("correct horse battery staple");
            validator = new IDTokenValidator(provider.getIssuer(), client.clientId(), JWSAlgorithm.ES256,
                    provider.getJWKSetURI().toURL());
        }

        @Test
        void discoveryWhenResolvedThenOpenIdProviderWithUserInfoEs256AndIss() {
            assertThat(provider.getIssuer().getValue()).isEqualTo(server.issuer());
            assertThat(provider.getUserInfoEndpointURI()).isEqualTo(server.uri("/oauth/userinfo"));
            assertThat(provider.getIDTokenJWSAlgs()).containsExactly(JWSAlgorithm.ES256);
            assertThat(provider.getSubjectTypes()).containsExactly(SubjectType.PUBLIC, SubjectType.PAIRWISE);
            assertThat(provider.getScopes().toStringList()).contains("openid", "profile", "email", "phone");
            assertThat(provider.supportsAuthorizationResponseIssuerParam()).isTrue();
        }

        @Test
        void codeFlowWhenNonceThenIdTokenValidatesAndUserInfoNamesTheSameSubject() throws Exception {
            Nonce nonce = new Nonce();
            CodeVerifier verifier = new CodeVerifier();
            OIDCTokens tokens = exchange(authorize(new Scope("openid", "email", "connect"), nonce, verifier), verifier);

            IDTokenClaimsSet claims = validator.validate(tokens.getIDToken(), nonce);
            assertThat(claims.getSubject().getValue()).isEqualTo(customer.id());
            assertThat(claims.getAudience()).extracting(Object::toString).containsExactly(client.id());
            assertThat(claims.getAuthenticationTime()).isNotNull();
            assertThat(claims.getAccessTokenHash())
                    .isEqualTo(AccessTokenHash.compute(tokens.getAccessToken(), JWSAlgorithm.ES256, null));
            UserInfo info = userInfo(tokens.getBearerAccessToken());
            assertThat(info.getSubject()).isEqualTo(claims.getSubject());
            assertThat(info.getEmailAddress()).isEqualTo(customer.email());
            assertThat(info.getName()).isNull();
        }

        @Test
        void refreshWhenOpenIdThenNewIdTokenOfTheSameAuthentication() throws Exception {
            Nonce nonce = new Nonce();
            CodeVerifier verifier = new CodeVerifier();
            OIDCTokens first = exchange(authorize(new Scope("openid", "profile"), nonce, verifier), verifier);
            IDTokenClaimsSet original = validator.validate(first.getIDToken(), nonce);

            TokenResponse response = OIDCTokenResponseParser.parse(oauth.send(new TokenRequest.Builder(
                    provider.getTokenEndpointURI(), client.basic(), new RefreshTokenGrant(first.getRefreshToken())).build()));

            assertThat(response.indicatesSuccess()).as("refresh: %s", response).isTrue();
            OIDCTokens refreshed = ((OIDCTokenResponse) response.toSuccessResponse()).getOIDCTokens();
            IDTokenClaimsSet claims = validator.validate(refreshed.getIDToken(), null);
            assertThat(claims.getSubject()).isEqualTo(original.getSubject());
            assertThat(claims.getAuthenticationTime()).isEqualTo(original.getAuthenticationTime());
            assertThat(claims.getNonce()).isNull();
            assertThat(userInfo(refreshed.getBearerAccessToken()).getName()).isEqualTo(customer.name());
        }

        private AuthorizationCode authorize(Scope scope, Nonce nonce, CodeVerifier verifier) {
            State state = new State();
            URI request = new AuthenticationRequest.Builder(ResponseType.CODE, scope, client.clientId(), REDIRECT)
                    .endpointURI(provider.getAuthorizationEndpointURI()).state(state).nonce(nonce)
                    .codeChallenge(verifier, CodeChallengeMethod.S256).build().toURI();
            Reply reply = server.request("GET", request).apiKey(customer.apiKey()).header("Accept", "application/json")
                    .send();
            assertThat(reply.status()).as("authorize: %s", reply).isEqualTo(200);
            assertThat(reply.json().getString("state")).isEqualTo(state.getValue());
            assertThat(reply.json().getString("iss")).isEqualTo(server.issuer());
            return new AuthorizationCode(reply.json().getString("code"));
        }

        private OIDCTokens exchange(AuthorizationCode code, CodeVerifier verifier) throws Exception {
            TokenResponse response = OIDCTokenResponseParser.parse(oauth.send(new TokenRequest.Builder(
                    provider.getTokenEndpointURI(), client.basic(), new AuthorizationCodeGrant(code, REDIRECT, verifier)).build()));
            assertThat(response.indicatesSuccess()).as("token: %s", response).isTrue();
            return ((OIDCTokenResponse) response.toSuccessResponse()).getOIDCTokens();
        }

        private UserInfo userInfo(BearerAccessToken token) throws Exception {
            UserInfoResponse response = UserInfoResponse.parse(oauth.send(new UserInfoRequest(
                    provider.getUserInfoEndpointURI(), token)));
            assertThat(response.indicatesSuccess()).as("userinfo: %s", response).isTrue();
            return response.toSuccessResponse().getUserInfo();
        }
    }
}
