package dev.connect.oauth.application;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The server's DPoP rules (RFC 9449), built once from configuration.
 *
 * @param algorithms    the proof {@code alg} values accepted, as advertised in
 *                      {@code dpop_signing_alg_values_supported}: a non-empty subset of {@link #SUPPORTED_ALGORITHMS}
 * @param proofWindow   how far a proof's {@code iat} may be from the server's time, either way (RFC 9449 §11.1)
 * @param nonceRequired whether every proof must carry a nonce the server issued (RFC 9449 §8, §9);
 *                      when not, a proof's {@code nonce} is ignored
 * @param nonceLifetime how long one nonce slot lasts: a nonce is accepted in its slot and the next
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9449">RFC 9449</a>
 */
public record DpopPolicy(List<String> algorithms, Duration proofWindow, boolean nonceRequired,
                         Duration nonceLifetime) {
    /** Every asymmetric {@code alg} the server can verify a proof with, in the order advertised. */
    public static final List<String> SUPPORTED_ALGORITHMS = List.of("ES256", "EdDSA", "PS256", "RS256");
    /** The {@code iat} window unless configured: clock skew plus the time a request travels. */
    public static final Duration DEFAULT_PROOF_WINDOW = Duration.ofSeconds(60);
    /**
     * Whether nonces are required unless configured: not, since most clients (oauth4webapi among them)
     * only cache the nonce they are sent and leave the retry after {@code use_dpop_nonce} to the
     * application; {@code jti} replay is refused fleet-wide anyway and {@code iat} bounds a proof's life.
     */
    public static final boolean DEFAULT_NONCE_REQUIRED = false;
    /** A nonce slot unless configured: a nonce lives between 5 and 10 minutes. */
    public static final Duration DEFAULT_NONCE_LIFETIME = Duration.ofMinutes(5);

    public DpopPolicy {
        algorithms = List.copyOf(Objects.requireNonNull(algorithms, "algorithms"));
        Objects.requireNonNull(proofWindow, "proofWindow");
        Objects.requireNonNull(nonceLifetime, "nonceLifetime");
        if (algorithms.isEmpty() || !SUPPORTED_ALGORITHMS.containsAll(algorithms)) {
            throw new IllegalArgumentException("algorithms must be some of " + SUPPORTED_ALGORITHMS);
        }
        if (proofWindow.isNegative() || proofWindow.isZero() || proofWindow.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new IllegalArgumentException("proofWindow must be positive and at most 10 minutes");
        }
        if (nonceLifetime.toSeconds() < 1) {
            throw new IllegalArgumentException("nonceLifetime must be at least a second");
        }
    }

    /** Every supported algorithm, a 60-second window, nonces not required, 5-minute nonce slots. */
    public static DpopPolicy defaults() {
        return new DpopPolicy(SUPPORTED_ALGORITHMS, DEFAULT_PROOF_WINDOW, DEFAULT_NONCE_REQUIRED,
                DEFAULT_NONCE_LIFETIME);
    }

    /** This policy with nonces required or not. */
    public DpopPolicy withNonceRequired(boolean required) {
        return new DpopPolicy(algorithms, proofWindow, required, nonceLifetime);
    }
}
