package dev.connect.oauth.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.Request;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.as.AuthorizationServerMetadata;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.oauth2.sdk.token.Tokens;
import dev.connect.oauth.bootstrap.e2e.E2eServer.TestClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The Nimbus OAuth 2.0 SDK pointed at the server under test the way an integrator would point it:
 * metadata discovery first (RFC 8414), every endpoint taken from the metadata, access tokens
 * checked against the published JWKS (RFC 9068).
 */
final class OAuthClient {
    private final E2eServer server;
    private final AuthorizationServerMetadata metadata;
    private final JWKSource<SecurityContext> keys;

    OAuthClient(E2eServer server) throws GeneralException, IOException {
        this.server = Objects.requireNonNull(server, "server");
        this.metadata = AuthorizationServerMetadata.resolve(new Issuer(server.issuer()));
        this.keys = JWKSourceBuilder.<SecurityContext>create(metadata.getJWKSetURI().toURL()).retrying(false).build();
    }

    AuthorizationServerMetadata metadata() {
        return metadata;
    }

    /** An extension endpoint of the metadata (seed 003: {@code info_endpoint}, {@code invalidate_endpoint}, ...). */
    URI endpoint(String member) {
        URI uri = metadata.getCustomURIParameter(member);
        assertThat(uri).as("metadata member %s", member).isNotNull();
        return uri;
    }

    /** The authorization request of RFC 6749 §4.1.1 with a PKCE S256 challenge (RFC 7636 §4.3). */
    URI authorizationRequest(TestClient client, Scope scope, State state, CodeVerifier verifier) {
        return new AuthorizationRequest.Builder(ResponseType.CODE, client.clientId())
                .endpointURI(metadata.getAuthorizationEndpointURI())
                .redirectionURI(client.redirectUri())
                .scope(scope)
                .state(state)
                .codeChallenge(verifier, CodeChallengeMethod.S256)
                .build()
                .toURI();
    }

    /**
     * The API-key variant of the authorization endpoint (API.md §3, seed 000): the account's own
     * key stands for sign-in and consent, and the answer is {@code {"code", "state"}}.
     */
    AuthorizationCode authorizeWithApiKey(TestClient client, E2eServer.Customer customer, Scope scope,
                                          CodeVerifier verifier) {
        State state = new State();
        Reply reply = server.request("GET", authorizationRequest(client, scope, state, verifier))
                .apiKey(customer.apiKey()).header("Accept", "application/json").send();
        assertThat(reply.status()).as("authorize: %s", reply).isEqualTo(200);
        assertThat(reply.json().getString("state")).isEqualTo(state.getValue());
        return new AuthorizationCode(reply.json().getString("code"));
    }

    AuthorizationCodeGrant codeGrant(AuthorizationCode code, TestClient client, CodeVerifier verifier) {
        return new AuthorizationCodeGrant(code, client.redirectUri(), verifier);
    }

    /** A confidential client's token request, parsed by the SDK. */
    TokenResponse token(ClientAuthentication authentication, AuthorizationGrant grant) throws IOException, ParseException {
        return TokenResponse.parse(send(new TokenRequest.Builder(metadata.getTokenEndpointURI(), authentication, grant).build()));
    }

    /** A confidential client's token request asking for a scope. */
    TokenResponse token(ClientAuthentication authentication, AuthorizationGrant grant, Scope scope)
            throws IOException, ParseException {
        return TokenResponse.parse(send(new TokenRequest.Builder(metadata.getTokenEndpointURI(), authentication, grant)
                .scope(scope).build()));
    }

    /** A public client's token request: its id only (RFC 6749 §3.2.1), the PKCE verifier proving possession. */
    TokenResponse token(TestClient publicClient, AuthorizationGrant grant) throws IOException, ParseException {
        return TokenResponse.parse(send(new TokenRequest.Builder(metadata.getTokenEndpointURI(), publicClient.clientId(),
                grant).build()));
    }

    /** The raw answer, for the headers the SDK does not surface; checked against the OpenAPI document. */
    HTTPResponse send(Request request) throws IOException {
        HTTPRequest http = request.toHTTPRequest();
        HTTPResponse response = http.send();
        Map<String, List<String>> headers = new HashMap<>();
        response.getHeaderMap().forEach((name, values) -> {
            if (name != null) {
                headers.put(name, values);
            }
        });
        server.checkAnswer(http.getMethod().name(), http.getURI(), new Reply(response.getStatusCode(),
                HttpHeaders.of(headers, (name, value) -> true), Objects.requireNonNullElse(response.getBody(), "")));
        return response;
    }

    static Tokens success(TokenResponse response) {
        assertThat(response.indicatesSuccess()).as("token response: %s", describe(response)).isTrue();
        return response.toSuccessResponse().getTokens();
    }

    static String errorCode(TokenResponse response) {
        assertThat(response.indicatesSuccess()).as("token response should be an error").isFalse();
        return response.toErrorResponse().getErrorObject().getCode();
    }

    /**
     * Verifies an access token as a resource server would (RFC 9068 §4): signature against the
     * JWKS, {@code typ} {@code at+jwt}, issuer, audience, client and scope, and the claims every
     * token must carry.
     */
    JWTClaimsSet verify(AccessToken token, String clientId, String scope)
            throws BadJOSEException, JOSEException, java.text.ParseException {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType("at+jwt")));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(Set.of(JWSAlgorithm.ES256, JWSAlgorithm.EdDSA), keys));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(server.issuer(),
                new JWTClaimsSet.Builder().issuer(server.issuer()).claim("client_id", clientId).claim("scope", scope).build(),
                Set.of("sub", "jti", "iat", "exp")));
        return processor.process(token.getValue(), null);
    }

    private static String describe(TokenResponse response) {
        return response.indicatesSuccess() ? "success" : response.toErrorResponse().getErrorObject().toJSONObject().toJSONString();
    }
}
