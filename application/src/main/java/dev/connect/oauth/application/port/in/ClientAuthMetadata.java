package dev.connect.oauth.application.port.in;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The authentication metadata of a client registration, as received (RFC 7591 §2):
 * {@code token_endpoint_auth_method}, {@code grant_types}, {@code response_types}, {@code jwks} (the
 * JWK Set as JSON text), {@code jwks_uri} and {@code token_endpoint_auth_signing_alg}. Absent values
 * take the defaults of the client's type.
 */
public record ClientAuthMetadata(Optional<String> tokenEndpointAuthMethod, Optional<List<String>> grantTypes,
                                 Optional<List<String>> responseTypes, Optional<String> jwks,
                                 Optional<String> jwksUri, Optional<String> signingAlg) {
    /** Nothing registered: every default applies. */
    public static final ClientAuthMetadata DEFAULTS = new ClientAuthMetadata(Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    public ClientAuthMetadata {
        Objects.requireNonNull(tokenEndpointAuthMethod, "tokenEndpointAuthMethod");
        grantTypes = Objects.requireNonNull(grantTypes, "grantTypes").map(List::copyOf);
        responseTypes = Objects.requireNonNull(responseTypes, "responseTypes").map(List::copyOf);
        Objects.requireNonNull(jwks, "jwks");
        Objects.requireNonNull(jwksUri, "jwksUri");
        Objects.requireNonNull(signingAlg, "signingAlg");
    }
}
