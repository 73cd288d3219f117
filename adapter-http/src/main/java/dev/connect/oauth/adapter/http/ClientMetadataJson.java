package dev.connect.oauth.adapter.http;

import dev.connect.oauth.application.port.in.ClientAuthMetadata;
import dev.connect.oauth.application.port.in.ClientMetadata;
import dev.connect.oauth.domain.Client;
import dev.connect.oauth.domain.ClientAuthSettings;
import dev.connect.oauth.domain.ErrorCode;
import dev.connect.oauth.domain.GrantType;
import dev.connect.oauth.domain.OAuthException;
import dev.connect.oauth.domain.RedirectUri;
import dev.connect.oauth.domain.ResponseType;
import dev.connect.oauth.domain.Scope;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Client metadata in JSON, read and written under RFC 7591 §2's names: the members both client APIs
 * share (authentication, and {@code access_token_format}, named as ORY Hydra's
 * {@code access_token_strategy} is, since no RFC names it), and the whole registration of
 * {@code /oauth/register}. A member of the
 * wrong JSON type, and any member not listed, is {@code invalid_client_metadata}: a misspelt or
 * unsupported setting would otherwise be dropped without a word.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7591#section-2">RFC 7591 §2</a>
 */
final class ClientMetadataJson {
    /** The authentication members, in both client APIs. */
    private static final Set<String> AUTH_MEMBERS = Set.of("token_endpoint_auth_method", "grant_types", "response_types",
            "jwks", "jwks_uri", "token_endpoint_auth_signing_alg");
    private static final String ACCESS_TOKEN_FORMAT = "access_token_format";
    /** The members both client APIs share. */
    static final Set<String> SHARED_MEMBERS = union(AUTH_MEMBERS, Set.of(ACCESS_TOKEN_FORMAT));
    /** The members of a dynamic registration request (RFC 7591 §2 and OpenID Connect's that are supported). */
    static final Set<String> REGISTRATION_MEMBERS = union(SHARED_MEMBERS, Set.of("client_name", "redirect_uris", "scope",
            "post_logout_redirect_uris", "subject_type", "default_max_age", "require_pushed_authorization_requests"));

    private ClientMetadataJson() {
    }

    /** The authentication members of {@code body}. */
    static ClientAuthMetadata auth(JsonObject body) {
        return metadataErrors(() -> new ClientAuthMetadata(JsonBodies.string(body, "token_endpoint_auth_method"),
                JsonBodies.strings(body, "grant_types"), JsonBodies.strings(body, "response_types"), jwks(body),
                JsonBodies.string(body, "jwks_uri"), JsonBodies.string(body, "token_endpoint_auth_signing_alg")));
    }

    /** {@code access_token_format} of {@code body}: {@code jwt} or {@code reference}, checked by the registration. */
    static Optional<String> accessTokenFormat(JsonObject body) {
        return metadataErrors(() -> JsonBodies.string(body, ACCESS_TOKEN_FORMAT));
    }

    /** A dynamic registration request: RFC 7591 names, {@code scope} space-separated, the type from the method. */
    static ClientMetadata registration(JsonObject body, Set<String> alsoAllowed) {
        requireOnly(body, union(REGISTRATION_MEMBERS, alsoAllowed));
        return metadataErrors(() -> new ClientMetadata(JsonBodies.string(body, "client_name"),
                JsonBodies.strings(body, "redirect_uris"),
                JsonBodies.string(body, "scope").map(scope -> Arrays.stream(scope.split(" ")).filter(s -> !s.isEmpty()).toList()),
                Optional.empty(), JsonBodies.strings(body, "post_logout_redirect_uris"),
                JsonBodies.string(body, "subject_type"), JsonBodies.wholeNumber(body, "default_max_age"),
                JsonBodies.optionalBoolean(body, "require_pushed_authorization_requests"), auth(body),
                Optional.empty(), // RFC 7591 defines no resources member: resources are the v1 API's
                accessTokenFormat(body)));
    }

    /** Refuses any member outside {@code known} with {@code invalid_client_metadata}. */
    static void requireOnly(JsonObject body, Set<String> known) {
        metadataErrors(() -> {
            JsonBodies.requireOnly(body, known);
            return null;
        });
    }

    /** The {@link #SHARED_MEMBERS} of {@code client}, added to {@code body}. */
    static JsonObject putShared(JsonObject body, Client client) {
        ClientAuthSettings auth = client.auth();
        JsonArray grantTypes = new JsonArray();
        auth.grantTypes().stream().sorted().map(GrantType::wireName).forEach(grantTypes::add);
        JsonArray responseTypes = new JsonArray();
        auth.responseTypes().stream().sorted().map(ResponseType::wireName).forEach(responseTypes::add);
        body.put("token_endpoint_auth_method", auth.method().wireName())
                .put("grant_types", grantTypes)
                .put("response_types", responseTypes)
                .put(ACCESS_TOKEN_FORMAT, client.accessTokenFormat().wireName());
        auth.jwks().ifPresent(jwks -> body.put("jwks", new JsonObject(jwks)));
        auth.jwksUri().ifPresent(uri -> body.put("jwks_uri", uri));
        auth.signingAlg().ifPresent(alg -> body.put("token_endpoint_auth_signing_alg", alg));
        return body;
    }

    /** The registered metadata of {@code client} under RFC 7591's names (RFC 7591 §3.2.1). */
    static JsonObject registration(Client client) {
        JsonObject body = new JsonObject()
                .put("client_id", client.id().value())
                .put("client_id_issued_at", client.createdAt().getEpochSecond())
                .put("client_name", client.name())
                .put("redirect_uris", uris(client.redirectUris()))
                .put("scope", String.join(" ", client.allowedScopes().scopes().stream().map(Scope::value).toList()))
                .put("post_logout_redirect_uris", uris(client.openId().postLogoutRedirectUris()))
                .put("subject_type", client.openId().subjectType().wireName());
        client.openId().defaultMaxAge().ifPresent(age -> body.put("default_max_age", age.toSeconds()));
        body.put("require_pushed_authorization_requests", client.requirePushedAuthorizationRequests());
        if (client.secretHash().isPresent() || client.sealedSecret().isPresent()) {
            body.put("client_secret_expires_at", 0); // RFC 7591 §3.2.1: required with a secret; 0 = never
        }
        return putShared(body, client);
    }

    static JsonArray uris(List<RedirectUri> uris) {
        JsonArray array = new JsonArray();
        uris.stream().map(RedirectUri::value).forEach(array::add);
        return array;
    }

    /** {@code jwks}: a JSON object (RFC 7591 §2), kept as its JSON text; absent or {@code null} is empty. */
    private static Optional<String> jwks(JsonObject body) {
        Object value = body.getValue("jwks");
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof JsonObject jwks)) {
            throw ErrorCode.INVALID_CLIENT_METADATA.exception("jwks must be a JWK Set object.");
        }
        try {
            return Optional.of(jwks.encode());
        } catch (DecodeException | IllegalStateException e) {
            throw ErrorCode.INVALID_CLIENT_METADATA.exception("jwks must be a JWK Set object.");
        }
    }

    private static <T> T metadataErrors(Supplier<T> read) {
        try {
            return read.get();
        } catch (OAuthException invalid) {
            if (invalid.errorCode() == ErrorCode.INVALID_REQUEST) {
                throw ErrorCode.INVALID_CLIENT_METADATA.exception(invalid.description());
            }
            throw invalid;
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        java.util.HashSet<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
