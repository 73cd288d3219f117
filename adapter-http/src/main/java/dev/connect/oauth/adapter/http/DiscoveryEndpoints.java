package dev.connect.oauth.adapter.http;

import dev.connect.oauth.domain.GrantType;
import dev.connect.oauth.domain.PkceMethod;
import dev.connect.oauth.domain.ResponseType;
import dev.connect.oauth.domain.Scope;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Function;

/**
 * Authorization server metadata (RFC 8414 §2) naming every endpoint, grant, PKCE method and
 * client authentication method, and the JWK Set that verifies access tokens (RFC 7517 §5).
 */
final class DiscoveryEndpoints {
    /** RFC 8414 §3: the well-known path of the metadata. */
    static final String METADATA_PATH = "/.well-known/oauth-authorization-server";

    private final HttpUseCases useCases;
    private final UseCaseExecutor executor;
    private final String metadata;

    DiscoveryEndpoints(HttpUseCases useCases, UseCaseExecutor executor, HttpSettings settings) {
        this.useCases = Objects.requireNonNull(useCases, "useCases");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.metadata = metadata(settings).encode();
    }

    void metadata(RoutingContext ctx) {
        Replies.json(ctx, 200, metadata);
    }

    /** The key set comes from the signing key store, so it is read off the event loop. */
    void jwks(RoutingContext ctx) {
        executor.call(ctx, () -> useCases.getJwkSet().jwkSetJson(), json -> ctx.response().setStatusCode(200)
                .putHeader(HttpHeaders.CONTENT_TYPE, Replies.JSON).end(json));
    }

    private static JsonObject metadata(HttpSettings settings) {
        String base = settings.issuer() + "/oauth/";
        JsonArray pkce = new JsonArray().add(PkceMethod.S256.wireName());
        if (settings.allowPlainPkce()) {
            pkce.add(PkceMethod.PLAIN.wireName());
        }
        JsonArray clientAuth = new JsonArray().add("client_secret_basic").add("client_secret_post").add("none");
        JsonArray scopes = new JsonArray();
        settings.scopeCatalogue().scopes().stream().map(Scope::value).forEach(scopes::add);
        return new JsonObject()
                .put("issuer", settings.issuer())
                .put("authorization_endpoint", base + "authorize")
                .put("token_endpoint", base + "token")
                .put("revocation_endpoint", base + "revoke")
                .put("introspection_endpoint", base + "introspect")
                .put("jwks_uri", base + "jwks")
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
                .put("introspection_endpoint_auth_methods_supported", clientAuth.copy());
    }

    private static <T> JsonArray wireNames(T[] values, Function<T, String> wireName) {
        return new JsonArray(Arrays.stream(values).map(wireName).toList());
    }
}
