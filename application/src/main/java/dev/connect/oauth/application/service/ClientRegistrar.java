package dev.connect.oauth.application.service;

import dev.connect.oauth.application.OAuthPolicy;
import dev.connect.oauth.application.port.in.ClientAuthMetadata;
import dev.connect.oauth.application.port.in.ClientMetadata;
import dev.connect.oauth.application.port.out.ClientAssertionCodec;
import dev.connect.oauth.domain.AccessTokenFormat;
import dev.connect.oauth.domain.Client;
import dev.connect.oauth.domain.ClientAuthMethod;
import dev.connect.oauth.domain.ClientAuthSettings;
import dev.connect.oauth.domain.ClientId;
import dev.connect.oauth.domain.ClientOpenIdSettings;
import dev.connect.oauth.domain.ClientType;
import dev.connect.oauth.domain.ErrorCode;
import dev.connect.oauth.domain.GrantType;
import dev.connect.oauth.domain.OAuthException;
import dev.connect.oauth.domain.RedirectUri;
import dev.connect.oauth.domain.ResponseType;
import dev.connect.oauth.domain.Scope;
import dev.connect.oauth.domain.ScopeSet;
import dev.connect.oauth.domain.SealedSecret;
import dev.connect.oauth.domain.SecretHash;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The one validation of a client's metadata, shared by the v1 client API and dynamic registration
 * (RFC 7591 §2): redirect URIs absolute https (or http on loopback) without fragment, a public
 * client with at least one; scopes from the server's catalogue; the OpenID Connect settings (a
 * {@code pairwise} subject type among them) and the RFC 8707 resources; the
 * authentication method consistent with the type ({@code none} exactly for public clients), grant
 * and response types consistent with each other and the redirect URIs, public keys only in
 * {@code jwks}; whether it must push its authorization requests (RFC 9126 §6); its access token
 * format ({@code jwt} when absent; an unknown one is {@code invalid_client_metadata}). A client whose
 * method uses a secret gets a fresh one ({@link ClientSecrets}), kept as its hash, or sealed for
 * {@code client_secret_jwt}.
 *
 * <p>Errors: the v1 API keeps its historic codes ({@code invalid_request}, {@code invalid_scope}) for
 * the fields it always had; dynamic registration answers RFC 7591 §3.2.2's
 * {@code invalid_redirect_uri} and {@code invalid_client_metadata}. The authentication metadata is
 * {@code invalid_client_metadata} in both.
 */
final class ClientRegistrar {
    /** Which error codes a registration answers. */
    enum Errors {
        ADMIN_API, RFC_7591
    }

    /** A client built from metadata, with its new secret when one was issued. */
    record Built(Client client, Optional<String> secret) {
    }

    private final ClientSecrets secrets;
    private final ClientAssertionCodec assertions;
    private final OAuthPolicy policy;

    ClientRegistrar(ClientSecrets secrets, ClientAssertionCodec assertions, OAuthPolicy policy) {
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.assertions = Objects.requireNonNull(assertions, "assertions");
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /**
     * The client {@code metadata} describes, with id {@code id}; the secret of {@code previous} is
     * kept (and no new secret issued) when it had one kept the same way (hash or sealed) that the
     * new method needs.
     */
    Built build(ClientId id, ClientMetadata metadata, Instant createdAt, Optional<Client> previous,
                String defaultName, Errors errors) {
        List<RedirectUri> redirectUris;
        try {
            redirectUris = redirectUris(metadata.redirectUris());
        } catch (OAuthException invalid) {
            throw errors == Errors.RFC_7591 ? ErrorCode.INVALID_REDIRECT_URI.exception(invalid.getMessage()) : invalid;
        }
        try {
            return build(id, metadata, redirectUris, createdAt, previous, defaultName);
        } catch (OAuthException invalid) {
            boolean historic = invalid.errorCode() == ErrorCode.INVALID_REQUEST || invalid.errorCode() == ErrorCode.INVALID_SCOPE;
            throw errors == Errors.RFC_7591 && historic
                    ? ErrorCode.INVALID_CLIENT_METADATA.exception(invalid.getMessage()) : invalid;
        }
    }

    private Built build(ClientId id, ClientMetadata metadata, List<RedirectUri> redirectUris, Instant createdAt,
                        Optional<Client> previous, String defaultName) {
        String name = metadata.name().orElse(defaultName);
        ClientAuthMetadata auth = metadata.auth();
        Optional<ClientAuthMethod> method = auth.tokenEndpointAuthMethod().map(value -> ClientAuthMethod.parse(value)
                .orElseThrow(() -> metadataError("Unknown token_endpoint_auth_method: " + value + ".")));
        ClientType type = metadata.type().map(ClientType::parse).orElse(
                method.filter(ClientAuthMethod.NONE::equals).isPresent() ? ClientType.PUBLIC : ClientType.CONFIDENTIAL);
        ClientAuthMethod resolved = method.orElse(type == ClientType.PUBLIC ? ClientAuthMethod.NONE : ClientAuthMethod.CLIENT_SECRET_BASIC);
        if ((type == ClientType.PUBLIC) != (resolved == ClientAuthMethod.NONE)) {
            throw metadataError("A public client authenticates with none; a confidential one with another method.");
        }
        if (type == ClientType.PUBLIC && redirectUris.isEmpty()) {
            throw ErrorCode.INVALID_REQUEST.exception("A public client needs at least one redirect_uri.");
        }
        ScopeSet scopes = scopes(metadata.scopes());
        ClientOpenIdSettings openId = ClientOpenIdSettings.parse(metadata.postLogoutRedirectUris(),
                metadata.subjectType(), metadata.defaultMaxAge(), metadata.resources());
        Set<GrantType> grantTypes = auth.grantTypes().map(ClientRegistrar::grantTypes)
                .orElseGet(() -> ClientAuthSettings.defaultGrantTypes(resolved, !redirectUris.isEmpty()));
        Set<ResponseType> responseTypes = auth.responseTypes().map(ClientRegistrar::responseTypes)
                .orElseGet(() -> ClientAuthSettings.defaultResponseTypes(grantTypes));
        auth.jwks().ifPresent(assertions::requirePublicKeys);
        ClientAuthSettings settings = new ClientAuthSettings(resolved, grantTypes, responseTypes, auth.jwks(),
                auth.jwksUri(), auth.signingAlg(), Optional.empty());
        settings.requireConsistent(!redirectUris.isEmpty());
        AccessTokenFormat format = metadata.accessTokenFormat().map(AccessTokenFormat::parse).orElse(AccessTokenFormat.DEFAULT);
        Optional<SecretHash> keptHash = previous.flatMap(Client::secretHash).filter(hash -> resolved.usesSecretHash());
        Optional<SealedSecret> keptSealed = previous.flatMap(Client::sealedSecret)
                .filter(sealed -> resolved == ClientAuthMethod.CLIENT_SECRET_JWT);
        Optional<ClientSecrets.Issued> issued = keptHash.isPresent() || keptSealed.isPresent()
                ? Optional.empty() : secrets.issue(id, settings);
        Client client = new Client(id, name, type, keptHash.or(() -> issued.flatMap(ClientSecrets.Issued::hash)),
                redirectUris, scopes, createdAt, openId, metadata.requirePushedAuthorizationRequests().orElse(false),
                settings, keptSealed.or(() -> issued.flatMap(ClientSecrets.Issued::sealed)), format);
        return new Built(client, issued.map(ClientSecrets.Issued::secret));
    }

    private static Set<GrantType> grantTypes(List<String> values) {
        Set<GrantType> parsed = EnumSet.noneOf(GrantType.class);
        for (String value : values) {
            parsed.add(GrantType.parse(value).orElseThrow(() -> metadataError("Unsupported grant type: " + value + ".")));
        }
        return parsed;
    }

    private static Set<ResponseType> responseTypes(List<String> values) {
        Set<ResponseType> parsed = EnumSet.noneOf(ResponseType.class);
        for (String value : values) {
            parsed.add(ResponseType.parse(value).orElseThrow(() -> metadataError("Unsupported response type: " + value + ".")));
        }
        return parsed;
    }

    private static List<RedirectUri> redirectUris(Optional<List<String>> given) {
        List<String> raw = given.orElse(List.of());
        if (raw.size() > Client.MAX_REDIRECT_URIS) {
            throw ErrorCode.INVALID_REQUEST.exception("At most " + Client.MAX_REDIRECT_URIS + " redirect_uris.");
        }
        List<RedirectUri> parsed = new ArrayList<>();
        for (String uri : raw) {
            parsed.add(RedirectUri.parse(uri));
        }
        return parsed;
    }

    private ScopeSet scopes(Optional<List<String>> given) {
        List<String> raw = given.orElse(List.of());
        if (raw.isEmpty()) {
            throw ErrorCode.INVALID_SCOPE.exception("A client needs at least one scope.");
        }
        List<Scope> parsed = new ArrayList<>();
        for (String value : raw) {
            Scope scope = Scope.parse(value);
            if (!policy.scopeCatalogue().contains(scope)) {
                throw ErrorCode.INVALID_SCOPE.exception("Unknown scope: " + scope + ". Known: "
                        + policy.scopeCatalogue() + ".");
            }
            parsed.add(scope);
        }
        return ScopeSet.of(parsed);
    }

    private static OAuthException metadataError(String description) {
        return ErrorCode.INVALID_CLIENT_METADATA.exception(description);
    }
}
