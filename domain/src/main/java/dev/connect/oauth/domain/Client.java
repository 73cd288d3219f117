package dev.connect.oauth.domain;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A registered client: its type, the hash of its secret (confidential clients only), the
 * redirect URIs it registered, the scopes it may ask for, its OpenID Connect settings and how it
 * authenticates ({@link ClientAuthSettings}). A public client authenticates with {@code none}; a
 * confidential one with a secret (whose hash it has, or, for {@code client_secret_jwt}, its sealed
 * copy) or a key.
 *
 * @param sealedSecret the secret sealed at rest, exactly for {@code client_secret_jwt} clients: their HMAC
 *        assertions need the secret itself, and they never present it in clear, so they have no hash
 * @param requirePushedAuthorizationRequests whether its authorization requests must be pushed
 *        first (RFC 9126 §6): one that arrives with its parameters in the query is refused
 * @param accessTokenFormat whether its access tokens are signed JWTs or opaque reference tokens
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-2">RFC 6749 §2</a>
 */
public record Client(ClientId id, String name, ClientType type, Optional<SecretHash> secretHash,
                     List<RedirectUri> redirectUris, ScopeSet allowedScopes, Instant createdAt,
                     ClientOpenIdSettings openId, boolean requirePushedAuthorizationRequests,
                     ClientAuthSettings auth, Optional<SealedSecret> sealedSecret,
                     AccessTokenFormat accessTokenFormat) {
    public static final int MAX_NAME_LENGTH = 200;
    public static final int MAX_REDIRECT_URIS = 20;

    public Client {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(secretHash, "secretHash");
        Objects.requireNonNull(redirectUris, "redirectUris");
        Objects.requireNonNull(allowedScopes, "allowedScopes");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(openId, "openId");
        Objects.requireNonNull(auth, "auth");
        Objects.requireNonNull(sealedSecret, "sealedSecret");
        Objects.requireNonNull(accessTokenFormat, "accessTokenFormat");
        redirectUris = List.copyOf(new LinkedHashSet<>(redirectUris));
        name = name.strip();
        if (name.isEmpty() || name.length() > MAX_NAME_LENGTH || name.chars().anyMatch(Character::isISOControl)) {
            throw ErrorCode.INVALID_REQUEST.exception("name must be 1 to " + MAX_NAME_LENGTH + " printable characters.");
        }
        if (redirectUris.size() > MAX_REDIRECT_URIS) {
            throw ErrorCode.INVALID_REQUEST.exception("At most " + MAX_REDIRECT_URIS + " redirect_uris.");
        }
        if (allowedScopes.isEmpty()) {
            throw ErrorCode.INVALID_SCOPE.exception("A client needs at least one scope.");
        }
        if ((type == ClientType.PUBLIC) != (auth.method() == ClientAuthMethod.NONE)) {
            throw new IllegalArgumentException("A public client authenticates with none, a confidential one never");
        }
        if (auth.method().usesSecretHash() != secretHash.isPresent()) {
            throw new IllegalArgumentException("A client has a secret hash exactly when it authenticates with a secret");
        }
        if ((auth.method() == ClientAuthMethod.CLIENT_SECRET_JWT) != sealedSecret.isPresent()) {
            throw new IllegalArgumentException("A client has a sealed secret exactly when it authenticates with client_secret_jwt");
        }
    }

    /** A client with {@link AccessTokenFormat#DEFAULT JWT access tokens}. */
    public Client(ClientId id, String name, ClientType type, Optional<SecretHash> secretHash,
                  List<RedirectUri> redirectUris, ScopeSet allowedScopes, Instant createdAt,
                  ClientOpenIdSettings openId, boolean requirePushedAuthorizationRequests,
                  ClientAuthSettings auth, Optional<SealedSecret> sealedSecret) {
        this(id, name, type, secretHash, redirectUris, allowedScopes, createdAt, openId, requirePushedAuthorizationRequests,
                auth, sealedSecret, AccessTokenFormat.DEFAULT);
    }

    /** A client without a sealed secret (any method but {@code client_secret_jwt}). */
    public Client(ClientId id, String name, ClientType type, Optional<SecretHash> secretHash,
                  List<RedirectUri> redirectUris, ScopeSet allowedScopes, Instant createdAt,
                  ClientOpenIdSettings openId, boolean requirePushedAuthorizationRequests, ClientAuthSettings auth) {
        this(id, name, type, secretHash, redirectUris, allowedScopes, createdAt, openId, requirePushedAuthorizationRequests,
                auth, Optional.empty());
    }

    /** A client with {@link ClientAuthSettings#defaultsFor default authentication settings} for its type. */
    public Client(ClientId id, String name, ClientType type, Optional<SecretHash> secretHash,
                  List<RedirectUri> redirectUris, ScopeSet allowedScopes, Instant createdAt, ClientOpenIdSettings openId,
                  boolean requirePushedAuthorizationRequests) {
        this(id, name, type, secretHash, redirectUris, allowedScopes, createdAt, openId, requirePushedAuthorizationRequests,
                ClientAuthSettings.defaultsFor(type, !Objects.requireNonNull(redirectUris, "redirectUris").isEmpty()));
    }

    /** A client whose authorization requests need not be pushed. */
    public Client(ClientId id, String name, ClientType type, Optional<SecretHash> secretHash,
                  List<RedirectUri> redirectUris, ScopeSet allowedScopes, Instant createdAt,
                  ClientOpenIdSettings openId, ClientAuthSettings auth) {
        this(id, name, type, secretHash, redirectUris, allowedScopes, createdAt, openId, false, auth);
    }

    /** A client whose authorization requests need not be pushed, with default authentication settings. */
    public Client(ClientId id, String name, ClientType type, Optional<SecretHash> secretHash,
                  List<RedirectUri> redirectUris, ScopeSet allowedScopes, Instant createdAt,
                  ClientOpenIdSettings openId) {
        this(id, name, type, secretHash, redirectUris, allowedScopes, createdAt, openId, false);
    }

    /** A client with the {@link ClientOpenIdSettings#DEFAULTS default OpenID Connect settings}. */
    public Client(ClientId id, String name, ClientType type, Optional<SecretHash> secretHash,
                  List<RedirectUri> redirectUris, ScopeSet allowedScopes, Instant createdAt) {
        this(id, name, type, secretHash, redirectUris, allowedScopes, createdAt, ClientOpenIdSettings.DEFAULTS);
    }

    /** Whether the client registered {@code grantType} (RFC 7591 §2); others are {@code unauthorized_client}. */
    public boolean permits(GrantType grantType) {
        return auth.permits(grantType);
    }

    public boolean isPublic() {
        return type == ClientType.PUBLIC;
    }

    /**
     * {@code candidate} when a registered redirect URI admits it: equal character for character,
     * or a loopback IP literal with another port (RFC 8252 §7.3). The candidate is returned, not the
     * registered URI, because the code is bound to, and the browser sent back to, the URI requested.
     *
     * @see <a href="https://www.rfc-editor.org/rfc/rfc9700#section-4.1.3">RFC 9700 §4.1.3</a>
     * @see RedirectUri#admits(String)
     */
    public Optional<RedirectUri> registeredRedirectUri(String candidate) {
        Objects.requireNonNull(candidate, "candidate");
        return redirectUris.stream().filter(uri -> uri.admits(candidate)).findFirst()
                .map(registered -> registered.matches(candidate) ? registered : RedirectUri.parse(candidate));
    }

    /** Resolves a requested scope list against {@link #allowedScopes()} ({@code *} expands; absent: all of them). */
    public ScopeSet resolveScopes(Optional<String> requested) {
        return ScopeSet.resolve(requested, allowedScopes, allowedScopes);
    }

    /**
     * Like {@link #resolveScopes(Optional)}, where {@code alwaysAvailable} may be requested too
     * (OpenID Connect's scopes, {@link OpenIdScopes#ALWAYS_AVAILABLE}); {@code *} and an absent
     * scope still mean the registered scopes only.
     */
    public ScopeSet resolveScopes(Optional<String> requested, ScopeSet alwaysAvailable) {
        Objects.requireNonNull(alwaysAvailable, "alwaysAvailable");
        if (requested.filter(value -> !value.isBlank() && !value.trim().equals(ScopeSet.WILDCARD)).isEmpty()) {
            return resolveScopes(requested);
        }
        return ScopeSet.resolve(requested, allowedScopes.union(alwaysAvailable), allowedScopes);
    }

    /**
     * The sector identifier of its pairwise subjects (OpenID Connect Core §8.1): the host of its
     * redirect URIs when they all share one host, so the client's apps on that host see the same
     * {@code sub}; otherwise (several hosts, or none: a client-credentials-only client) its client id.
     * Core would have such a client register a {@code sector_identifier_uri}; the client id is the
     * simple rule that never links two clients.
     *
     * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#PairwiseAlg">OpenID Connect Core 1.0 §8.1</a>
     */
    public String pairwiseSector() {
        List<String> hosts = redirectUris.stream().map(RedirectUri::host).distinct().toList();
        return hosts.size() == 1 ? hosts.getFirst() : id.value();
    }

    /** The same client with a new secret hash (secret rotation). */
    public Client withSecretHash(SecretHash newHash) {
        if (!auth.method().usesSecretHash()) {
            throw ErrorCode.INVALID_REQUEST.exception("This client authenticates without a secret.");
        }
        return new Client(id, name, type, Optional.of(newHash), redirectUris, allowedScopes, createdAt, openId,
                requirePushedAuthorizationRequests, auth, sealedSecret, accessTokenFormat);
    }

    /** The same client with a new sealed secret (rotation, or the rewrap of a key-encryption key rotation). */
    public Client withSealedSecret(SealedSecret newSecret) {
        if (auth.method() != ClientAuthMethod.CLIENT_SECRET_JWT) {
            throw ErrorCode.INVALID_REQUEST.exception("This client authenticates without a sealed secret.");
        }
        return new Client(id, name, type, secretHash, redirectUris, allowedScopes, createdAt, openId,
                requirePushedAuthorizationRequests, auth, Optional.of(newSecret), accessTokenFormat);
    }

    /** The same client with the hash of a new registration access token (RFC 7592 §3). */
    public Client withRegistrationTokenHash(SecretHash hash) {
        return new Client(id, name, type, secretHash, redirectUris, allowedScopes, createdAt, openId,
                requirePushedAuthorizationRequests, auth.withRegistrationTokenHash(hash), sealedSecret, accessTokenFormat);
    }
}
