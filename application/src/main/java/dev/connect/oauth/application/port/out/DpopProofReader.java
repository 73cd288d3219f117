package dev.connect.oauth.application.port.out;

import dev.connect.oauth.domain.DpopProof;
import java.util.Optional;

/**
 * Reads a DPoP proof: parses the JWT, computes the thumbprint of its {@code jwk} header and checks
 * its signature with that key. The rules the proof must then meet are
 * {@link DpopProof#check}'s and the application's. Stateless and thread-safe.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9449#section-4.3">RFC 9449 §4.3</a>
 */
public interface DpopProofReader {
    /**
     * The proof {@code jwt} is, with whether its signature verifies with its own {@code jwk} under
     * its {@code alg}; empty when it is not a signed JWT in compact form with a JSON claims set
     * and a {@code jwk} header, or a claim has the wrong type.
     */
    Optional<DpopProof> read(String jwt);
}
