package dev.connect.oauth.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How a client authenticates and what it may ask for: its {@code token_endpoint_auth_method}, the
 * {@code grant_types} and {@code response_types} it registered, its public keys for
 * {@code private_key_jwt} (a {@code jwks} held inline, or a {@code jwks_uri} to fetch them from,
 * never both), the {@code token_endpoint_auth_signing_alg} it promised, and the hash of its
 * registration access token when it was registered dynamically.
 *
 * <p>The constructor holds the rules every stored client keeps; the rules of a new registration
 * that stored clients may predate (grant types matching response types and redirect URIs, RFC 7591
 * §2.1) are {@link #requireConsistent}'s.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7591#section-2">RFC 7591 §2</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7592#section-3">RFC 7592 §3</a>
 */
public record ClientAuthSettings(ClientAuthMethod method, Set<GrantType> grantTypes, Set<ResponseType> responseTypes,
                                 Optional<String> jwks, Optional<String> jwksUri, Optional<String> signingAlg,
                                 Optional<SecretHash> registrationTokenHash) {
    /** The largest inline {@code jwks}, in characters of its JSON: a few public keys, never a document store. */
    public static final int MAX_JWKS_LENGTH = 16_384;
    private static final int MAX_JWKS_URI_LENGTH = 2000;
    /** The {@code private_key_jwt} assertion algorithms accepted: asymmetric only (never {@code none}). */
    public static final List<String> SIGNING_ALGORITHMS =
            List.of("RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512");
    /** The {@code client_secret_jwt} assertion algorithms accepted: HMAC keyed with the client secret. */
    public static final List<String> HMAC_ALGORITHMS = List.of("HS256", "HS384", "HS512");

    public ClientAuthSettings {
        Objects.requireNonNull(method, "method");
        grantTypes = Set.copyOf(Objects.requireNonNull(grantTypes, "grantTypes"));
        responseTypes = Set.copyOf(Objects.requireNonNull(responseTypes, "responseTypes"));
        Objects.requireNonNull(jwks, "jwks");
        Objects.requireNonNull(jwksUri, "jwksUri");
        Objects.requireNonNull(signingAlg, "signingAlg");
        Objects.requireNonNull(registrationTokenHash, "registrationTokenHash");
        if (grantTypes.isEmpty()) {
            throw invalid("grant_types must name at least one grant type.");
        }
        if (jwks.isPresent() && jwksUri.isPresent()) {
            throw invalid("Register jwks or jwks_uri, not both (RFC 7591 §2).");
        }
        if (jwks.filter(value -> value.isEmpty() || value.length() > MAX_JWKS_LENGTH).isPresent()) {
            throw invalid("jwks must be at most " + MAX_JWKS_LENGTH + " characters of JSON.");
        }
        jwksUri.ifPresent(ClientAuthSettings::requireJwksUri);
        if (method == ClientAuthMethod.PRIVATE_KEY_JWT && jwks.isEmpty() && jwksUri.isEmpty()) {
            throw invalid("private_key_jwt needs the client's public keys: register jwks or jwks_uri.");
        }
        if (signingAlg.isPresent() && !method.usesAssertion()) {
            throw invalid("token_endpoint_auth_signing_alg applies to private_key_jwt and client_secret_jwt only.");
        }
        if (signingAlg.filter(alg -> !signingAlgorithms(method).contains(alg)).isPresent()) {
            throw invalid("token_endpoint_auth_signing_alg of " + method.wireName() + " must be one of "
                    + signingAlgorithms(method) + ".");
        }
    }

    /**
     * What a client registered without these settings can do, as before they existed: a secret in
     * Basic or the body and every grant of a confidential client (the code grants only with a
     * redirect URI); no authentication, the code grants and the device grant for a public client.
     */
    public static ClientAuthSettings defaultsFor(ClientType type, boolean hasRedirectUris) {
        Objects.requireNonNull(type, "type");
        ClientAuthMethod method = type == ClientType.PUBLIC ? ClientAuthMethod.NONE : ClientAuthMethod.CLIENT_SECRET_BASIC;
        return new ClientAuthSettings(method, defaultGrantTypes(method, hasRedirectUris),
                defaultResponseTypes(defaultGrantTypes(method, hasRedirectUris)), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    /**
     * The grant types of a client that registered none: every grant its method and redirect URIs allow
     * (the code grants need a redirect URI, client credentials a client that authenticates, the device
     * grant nothing).
     */
    public static Set<GrantType> defaultGrantTypes(ClientAuthMethod method, boolean hasRedirectUris) {
        EnumSet<GrantType> grants = EnumSet.noneOf(GrantType.class);
        if (hasRedirectUris) {
            grants.add(GrantType.AUTHORIZATION_CODE);
            grants.add(GrantType.REFRESH_TOKEN);
        }
        if (method != ClientAuthMethod.NONE) {
            grants.add(GrantType.CLIENT_CREDENTIALS);
        }
        grants.add(GrantType.DEVICE_CODE); // every client could start a device flow before grant types were registered
        return grants;
    }

    /** The response types that go with {@code grantTypes} (RFC 7591 §2.1): {@code code} with the code grant. */
    public static Set<ResponseType> defaultResponseTypes(Set<GrantType> grantTypes) {
        return grantTypes.contains(GrantType.AUTHORIZATION_CODE) ? Set.of(ResponseType.CODE) : Set.of();
    }

    /** The assertion algorithms {@code method} may use: none for the methods without assertions. */
    public static List<String> signingAlgorithms(ClientAuthMethod method) {
        return switch (method) {
            case PRIVATE_KEY_JWT -> SIGNING_ALGORITHMS;
            case CLIENT_SECRET_JWT -> HMAC_ALGORITHMS;
            default -> List.of();
        };
    }

    /**
     * Refuses with {@code invalid_client_metadata} a {@code client_secret_jwt} secret too short to key
     * the HMAC it registered ({@code HS256} when none): RFC 7518 §3.2 wants a key at least as long as
     * the hash, in octets of the secret's UTF-8 form (OpenID Connect Core §10.1). Other methods: no rule.
     */
    public void requireSecretFits(String secret) {
        if (method != ClientAuthMethod.CLIENT_SECRET_JWT) {
            return;
        }
        String alg = signingAlg.orElse(HMAC_ALGORITHMS.getFirst());
        int needed = Integer.parseInt(alg.substring(2)) / Byte.SIZE;
        if (secret.getBytes(StandardCharsets.UTF_8).length < needed) {
            throw invalid("The client secret is too short for " + alg + ", which needs " + needed + " octets.");
        }
    }

    /** Whether the client registered {@code grantType}. */
    public boolean permits(GrantType grantType) {
        return grantTypes.contains(grantType);
    }

    /**
     * The rules of a registration (RFC 7591 §2.1): {@code code} among the response types exactly
     * when {@code authorization_code} is among the grant types, redirect URIs for the code grant,
     * {@code client_credentials} for clients that authenticate only.
     */
    public void requireConsistent(boolean hasRedirectUris) {
        boolean code = grantTypes.contains(GrantType.AUTHORIZATION_CODE);
        if (code != responseTypes.contains(ResponseType.CODE)) {
            throw invalid("grant_types authorization_code and response_types code go together (RFC 7591 §2.1).");
        }
        if (code && !hasRedirectUris) {
            throw invalid("The authorization_code grant needs at least one redirect_uri.");
        }
        if (method == ClientAuthMethod.NONE && grantTypes.contains(GrantType.CLIENT_CREDENTIALS)) {
            throw invalid("client_credentials needs a client that authenticates (token_endpoint_auth_method not none).");
        }
    }

    /** The same settings with the hash of a new registration access token. */
    public ClientAuthSettings withRegistrationTokenHash(SecretHash hash) {
        return new ClientAuthSettings(method, grantTypes, responseTypes, jwks, jwksUri, signingAlg,
                Optional.of(Objects.requireNonNull(hash, "hash")));
    }

    private static void requireJwksUri(String value) {
        if (value.isEmpty() || value.length() > MAX_JWKS_URI_LENGTH) {
            throw invalid("jwks_uri must be 1 to " + MAX_JWKS_URI_LENGTH + " characters.");
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw invalid("jwks_uri is not a valid URI.");
        }
        if (!uri.isAbsolute() || uri.isOpaque() || uri.getHost() == null || uri.getRawFragment() != null
                || uri.getRawUserInfo() != null) {
            throw invalid("jwks_uri must be an absolute URI with a host, without fragment or user information.");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        boolean loopback = host.equals("127.0.0.1") || host.equals("[::1]") || host.equals("localhost");
        if (!scheme.equals("https") && !(scheme.equals("http") && loopback)) {
            throw invalid("jwks_uri must use https (http only on a loopback host, for tests).");
        }
    }

    private static OAuthException invalid(String description) {
        return ErrorCode.INVALID_CLIENT_METADATA.exception(description);
    }
}
