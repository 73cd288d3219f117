package dev.connect.oauth.application.port.out;

import java.util.Optional;

/**
 * Reads client assertions and the public keys that verify them (RFC 7523 §2.2, RFC 7517): the JOSE
 * parsing and signature checks, so that the rules on the claims stay in the application. Stateless
 * and safe to call from any thread.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7523#section-2.2">RFC 7523 §2.2</a>
 */
public interface ClientAssertionCodec {
    /** The header and claims of a signed JWT in compact form, unverified; empty for anything else. */
    Optional<ClientAssertion> decode(String jwt);

    /**
     * Whether {@code assertion} carries a valid signature of a key of {@code jwkSet} (a JWK Set in
     * JSON): the key its {@code kid} names, or, without one, any key fit for its algorithm. A set
     * that does not parse verifies nothing.
     */
    boolean verify(ClientAssertion assertion, String jwkSet);

    /**
     * Whether {@code assertion} carries a valid HMAC ({@code HS256}, {@code HS384}, {@code HS512})
     * keyed with the octets of {@code secret}'s UTF-8 form ({@code client_secret_jwt}, OpenID Connect
     * Core §10.1); any other algorithm verifies nothing.
     */
    boolean verifyWithSecret(ClientAssertion assertion, String secret);

    /** Whether {@code jwkSet} parses and holds a key named {@code keyId}. */
    boolean containsKey(String jwkSet, String keyId);

    /**
     * Refuses with {@code invalid_client_metadata} a {@code jwks} to register that is not a JWK Set
     * of public signing keys (RFC 7591 §2: a private key never leaves the client).
     */
    void requirePublicKeys(String jwkSet);
}
