package dev.connect.oauth.adapter.http;

import dev.connect.oauth.application.Lazy;
import dev.connect.oauth.domain.ClientAuthMethod;
import dev.connect.oauth.domain.ClientAuthSettings;
import dev.connect.oauth.domain.GrantType;
import dev.connect.oauth.domain.OpenIdScopes;
import dev.connect.oauth.domain.PkceMethod;
import dev.connect.oauth.domain.ResponseType;
import dev.connect.oauth.domain.Scope;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Authorization server metadata (RFC 8414 §2) naming every endpoint, grant, PKCE method and
 * client authentication method, the JWK Set that verifies access and ID tokens (RFC 7517 §5),
 * the same document with the OpenID Provider members at the OpenID Connect Discovery path, and the
 * OpenAPI 3.1 document of the whole HTTP API ({@code openapi.json} beside this class's package).
 * Both metadata documents say that every authorization response names the issuer (RFC 9207 §3).
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8414#section-2">RFC 8414 §2</a>
 * @see <a href="https://openid.net/specs/openid-connect-discovery-1_0.html#ProviderMetadata">OpenID Connect Discovery 1.0 §3</a>
 */
final class DiscoveryEndpoints {
    /** RFC 8414 §3: the well-known path of the metadata. */
    static final String METADATA_PATH = "/.well-known/oauth-authorization-server";
    static final String OPENAPI_PATH = "/openapi.json";
    /** The document in the repository, whose {@code servers} the served copy replaces with the issuer. */
    static final String OPENAPI_RESOURCE = "/openapi.json";
    /** The document holds no secret and changes only with a release, so caches may keep it an hour. */
    private static final String OPENAPI_CACHE_CONTROL = "public, max-age=3600";
    /** OpenID Connect Discovery 1.0 §4: the well-known path of the OpenID Provider's configuration. */
    static final String OPENID_CONFIGURATION_PATH = "/.well-known/openid-configuration";

    private final HttpUseCases useCases;
    private final UseCaseExecutor executor;
    private final String metadata;
    /** Parsed on first request: a large document few ask for, kept off the start. */
    private final Lazy<String> openApi;
    private final String openIdConfiguration;

    DiscoveryEndpoints(HttpUseCases useCases, UseCaseExecutor executor, HttpSettings settings) {
        this.useCases = Objects.requireNonNull(useCases, "useCases");
        this.executor = Objects.requireNonNull(executor, "executor");
        JsonObject oauth = metadata(settings).put("dpop_signing_alg_values_supported",
                new JsonArray(useCases.dpopParameters().algorithms()));
        this.metadata = oauth.encode();
        this.openIdConfiguration = openIdConfiguration(oauth, settings).encode();
        this.openApi = Lazy.of(() -> openApi(settings.issuer()).encode());
    }

    /** The OpenAPI document, the one answer here that may be cached (CommonHeaders forbids it elsewhere). */
    void openApi(RoutingContext ctx) {
        ctx.response().headers().set(HttpHeaders.CACHE_CONTROL, OPENAPI_CACHE_CONTROL).remove("Pragma");
        Replies.json(ctx, 200, openApi.get());
    }

    void metadata(RoutingContext ctx) {
        Replies.json(ctx, 200, metadata);
    }

    void openIdConfiguration(RoutingContext ctx) {
        Replies.json(ctx, 200, openIdConfiguration);
    }

    /** The key set comes from the signing key store, so it is read off the event loop. */
    void jwks(RoutingContext ctx) {
        executor.call(ctx, () -> useCases.getJwkSet().jwkSetJson(), json -> ctx.response().setStatusCode(200)
                .putHeader(HttpHeaders.CONTENT_TYPE, Replies.JSON).end(json));
    }

    private static JsonObject openApi(String issuer) {
        try (InputStream in = DiscoveryEndpoints.class.getResourceAsStream(OPENAPI_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The resource " + OPENAPI_RESOURCE + " is missing from the adapter's jar");
            }
            JsonObject document = new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            return document.put("servers", new JsonArray().add(new JsonObject().put("url", issuer)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + OPENAPI_RESOURCE, e);
        }
    }

    private static JsonObject metadata(HttpSettings settings) {
        String base = settings.issuer() + "/oauth/";
        JsonArray pkce = new JsonArray().add(PkceMethod.S256.wireName());
        if (settings.allowPlainPkce()) {
            pkce.add(PkceMethod.PLAIN.wireName());
        }
        JsonArray clientAuth = wireNames(ClientAuthMethod.values(), ClientAuthMethod::wireName);
        // Both assertion methods' algorithms: asymmetric for private_key_jwt, HMAC for client_secret_jwt.
        JsonArray signingAlgs = new JsonArray(Stream.concat(ClientAuthSettings.SIGNING_ALGORITHMS.stream(),
                ClientAuthSettings.HMAC_ALGORITHMS.stream()).toList());
        JsonArray scopes = new JsonArray();
        settings.scopeCatalogue().union(OpenIdScopes.ALWAYS_AVAILABLE).scopes().stream().map(Scope::value)
                .forEach(scopes::add);
        return new JsonObject()
                .put("issuer", settings.issuer())
                .put("authorization_endpoint", base + "authorize")
                .put("token_endpoint", base + "token")
                .put("revocation_endpoint", base + "revoke")
                .put("introspection_endpoint", base + "introspect")
                .put("jwks_uri", base + "jwks")
                // RFC 8628 §4.
                .put("device_authorization_endpoint", base + "device_authorization")
                // Seed 003 endpoints, as extension members (RFC 8414 §2 allows more).
                .put("refresh_endpoint", base + "refresh")
                .put("info_endpoint", base + "info")
                .put("invalidate_endpoint", base + "invalidate")
                .put("scopes_supported", scopes)
                .put("response_types_supported", wireNames(ResponseType.values(), ResponseType::wireName))
                .put("response_modes_supported", new JsonArray().add("query"))
                .put("grant_types_supported", wireNames(GrantType.values(), GrantType::wireName))
                .put("code_challenge_methods_supported", pkce)
                .put("token_endpoint_auth_methods_supported", clientAuth)
                .put("revocation_endpoint_auth_methods_supported", clientAuth.copy())
                .put("introspection_endpoint_auth_methods_supported", clientAuth.copy())
                .put("token_endpoint_auth_signing_alg_values_supported", signingAlgs)
                .put("revocation_endpoint_auth_signing_alg_values_supported", signingAlgs.copy())
                .put("introspection_endpoint_auth_signing_alg_values_supported", signingAlgs.copy())
                .put("registration_endpoint", settings.issuer() + RegistrationEndpoints.PATH)
                .put("authorization_response_iss_parameter_supported", true)
                // RFC 9126 §5.
                .put("pushed_authorization_request_endpoint", base + "par")
                .put("require_pushed_authorization_requests", settings.requirePushedAuthorizationRequests());
    }

    /**
     * Discovery 1.0 §3: the OAuth members and what an OpenID Provider adds, listing only what is
     * supported: the code flow, public subjects, ES256 ID tokens, the claims the scopes release.
     */
    private static JsonObject openIdConfiguration(JsonObject oauth, HttpSettings settings) {
        return oauth.copy()
                .put("userinfo_endpoint", settings.issuer() + UserInfoEndpoint.PATH)
                .put("end_session_endpoint", settings.issuer() + EndSessionEndpoint.PATH)
                .put("subject_types_supported", new JsonArray().add("public").add("pairwise"))
                .put("id_token_signing_alg_values_supported", new JsonArray().add("ES256"))
                .put("claims_supported", new JsonArray().add("iss").add("sub").add("aud").add("exp").add("iat")
                        .add("auth_time").add("nonce").add("at_hash").add("azp").add("name").add("email")
                        .add("phone_number"))
                .put("claims_parameter_supported", false)
                .put("request_parameter_supported", false)
                .put("request_uri_parameter_supported", false);
    }

    private static <T> JsonArray wireNames(T[] values, Function<T, String> wireName) {
        return new JsonArray(Arrays.stream(values).map(wireName).toList());
    }
}
