package dev.connect.oauth.application.port.out;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A client assertion as decoded, before anything is verified: the JWS header's {@code alg} and
 * {@code kid} and the claims RFC 7523 §3 rules on. {@code compact} is the JWT itself, which only the
 * {@link ClientAssertionCodec} reads again to verify its signature; {@link #toString()} hides it.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7523#section-3">RFC 7523 §3</a>
 */
public record ClientAssertion(String compact, String algorithm, Optional<String> keyId, Optional<String> issuer,
                              Optional<String> subject, List<String> audience, Optional<Instant> expiresAt,
                              Optional<Instant> issuedAt, Optional<Instant> notBefore, Optional<String> jwtId) {
    public ClientAssertion {
        Objects.requireNonNull(compact, "compact");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(subject, "subject");
        audience = List.copyOf(Objects.requireNonNull(audience, "audience"));
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(jwtId, "jwtId");
    }

    @Override
    public String toString() {
        return "ClientAssertion[alg=" + algorithm + ", kid=" + keyId.orElse("none") + ", iss=" + issuer.orElse("none")
                + ", jti=" + (jwtId.isPresent() ? "present" : "none") + "]";
    }
}
