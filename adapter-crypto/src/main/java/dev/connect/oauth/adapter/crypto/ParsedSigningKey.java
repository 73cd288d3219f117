package dev.connect.oauth.adapter.crypto;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.factories.DefaultJWSSignerFactory;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import dev.connect.oauth.application.port.out.SigningKey;
import java.text.ParseException;
import java.util.Objects;

/**
 * A stored signing key parsed once into what signing needs: a thread-safe signer, the
 * ready JWS header and the public JWK to publish.
 *
 * @param header the protected header of every token it signs: {@code typ} {@code at+jwt} (RFC 9068 §2.1), {@code alg}, {@code kid}
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9068#section-2.1">RFC 9068 §2.1</a>
 */
record ParsedSigningKey(SigningKey stored, JWSSigner signer, JWSHeader header, JWK publicJwk) {
    private static final JOSEObjectType ACCESS_TOKEN_TYPE = new JOSEObjectType("at+jwt");

    private static final DefaultJWSSignerFactory SIGNERS = new DefaultJWSSignerFactory();

    ParsedSigningKey {
        Objects.requireNonNull(stored, "stored");
        Objects.requireNonNull(signer, "signer");
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(publicJwk, "publicJwk");
    }

    /**
     * Parses {@code privateJwk}, the opened private key of {@code stored}; a key that cannot sign
     * is a broken store, an infrastructure fault.
     *
     * @throws IllegalStateException when the JWK is malformed, public only, of another algorithm or another kid
     */
    static ParsedSigningKey parse(SigningKey stored, String privateJwk) {
        JWK jwk;
        try {
            jwk = JWK.parse(privateJwk);
        } catch (ParseException e) {
            // The cause is left out on purpose: a parser's message may quote the private key.
            throw new IllegalStateException("Signing key " + stored.kid() + " is not a JWK");
        }
        if (!stored.kid().equals(jwk.getKeyID())) {
            throw new IllegalStateException("Signing key " + stored.kid() + " holds a JWK with another kid");
        }
        JWSAlgorithm algorithm = JWSAlgorithm.parse(stored.algorithm());
        try {
            JWSHeader header = new JWSHeader.Builder(algorithm).type(ACCESS_TOKEN_TYPE).keyID(stored.kid()).build();
            return new ParsedSigningKey(stored, signer(jwk, algorithm), header, jwk.toPublicJWK());
        } catch (JOSEException e) {
            throw new IllegalStateException("Signing key " + stored.kid() + " cannot sign " + algorithm, e);
        }
    }

    /** ES256, the key ring's algorithm, with the faster {@link Es256Signer}; any other through Nimbus. */
    private static JWSSigner signer(JWK jwk, JWSAlgorithm algorithm) throws JOSEException {
        if (JWSAlgorithm.ES256.equals(algorithm) && jwk instanceof ECKey ec) {
            return new Es256Signer(ec);
        }
        return SIGNERS.createJWSSigner(jwk, algorithm);
    }

    String kid() {
        return stored.kid();
    }
}
