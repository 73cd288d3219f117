package dev.connect.oauth.application.service;

import dev.connect.oauth.application.DpopPolicy;
import dev.connect.oauth.application.port.in.DpopRequest;
import dev.connect.oauth.application.port.in.GetDpopParametersUseCase;
import dev.connect.oauth.application.port.out.DpopNonceCodec;
import dev.connect.oauth.application.port.out.DpopProofReader;
import dev.connect.oauth.application.port.out.JtiStore;
import dev.connect.oauth.application.port.out.SecretHasher;
import dev.connect.oauth.domain.DpopProof;
import dev.connect.oauth.domain.ErrorCode;
import dev.connect.oauth.domain.JwkThumbprint;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Checks the DPoP proof of a request (RFC 9449 §4.3) and issues the server's nonces (§8, §9). A
 * proof is accepted once across the fleet: its {@code jti} is claimed in the shared
 * {@link JtiStore} under its key's thumbprint, until its {@code iat} leaves the window. Nonces are
 * stateless: each seals a time slot with a key every node shares, and is accepted in its slot and
 * the next, so any node accepts the nonce any other issued.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9449">RFC 9449</a>
 */
public final class DpopProofs implements GetDpopParametersUseCase {
    private final DpopProofReader reader;
    private final DpopNonceCodec nonces;
    private final JtiReplayGuard replays;
    private final Clock clock;
    private final DpopPolicy policy;

    @Inject
    public DpopProofs(DpopProofReader reader, DpopNonceCodec nonces, JtiStore jtis, SecretHasher hasher, Clock clock,
                      DpopPolicy policy) {
        this.reader = Objects.requireNonNull(reader, "reader");
        this.nonces = Objects.requireNonNull(nonces, "nonces");
        this.replays = new JtiReplayGuard(jtis, hasher);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /**
     * The key of the request's proof, once the proof passed every check; empty when the request
     * carries no proof.
     *
     * @param accessToken the access token the proof must be bound to ({@code ath}), at a protected resource
     * @throws dev.connect.oauth.domain.OAuthException {@code invalid_dpop_proof} when the proof fails
     *         a check or was used before; {@code use_dpop_nonce} when nonces are required and the
     *         proof lacks a current one
     */
    public Optional<JwkThumbprint> verify(Optional<DpopRequest> request, Optional<String> accessToken) {
        if (request.isEmpty()) {
            return Optional.empty();
        }
        DpopRequest dpop = request.get();
        if (dpop.proofs().size() > 1) {
            throw ErrorCode.INVALID_DPOP_PROOF.exception("Send one DPoP header, not " + dpop.proofs().size() + ".");
        }
        DpopProof proof = reader.read(dpop.proofs().getFirst()).orElseThrow(() -> ErrorCode.INVALID_DPOP_PROOF
                .exception("The DPoP header is not a signed JWT with a jwk header and well-typed claims."));
        Instant now = clock.instant();
        String jti = proof.check(new DpopProof.Requirements(new HashSet<>(policy.algorithms()), dpop.method(),
                dpop.uri(), accessToken, now, policy.proofWindow()));
        if (policy.nonceRequired() && !proof.nonce().map(nonce -> isCurrent(nonce, now)).orElse(false)) {
            throw ErrorCode.USE_DPOP_NONCE.exception(proof.nonce().isEmpty()
                    ? "The DPoP proof must carry the nonce of the DPoP-Nonce header."
                    : "The DPoP proof's nonce has expired: use the one of the DPoP-Nonce header.");
        }
        if (!replays.firstUse(JtiReplayGuard.Kind.DPOP_PROOF, proof.key().value(), jti, now,
                proof.acceptableUntil(policy.proofWindow()))) {
            throw ErrorCode.INVALID_DPOP_PROOF.exception("The DPoP proof was already used (jti replayed).");
        }
        return Optional.of(proof.key());
    }

    @Override
    public List<String> algorithms() {
        return policy.algorithms();
    }

    @Override
    public String currentNonce() {
        return nonces.seal(slot(clock.instant()));
    }

    /** A nonce of this slot or the one before: a nonce issued at a slot's very end still lives a whole slot. */
    private boolean isCurrent(String nonce, Instant now) {
        OptionalLong slot = nonces.open(nonce);
        long current = slot(now);
        return slot.isPresent() && (slot.getAsLong() == current || slot.getAsLong() == current - 1);
    }

    private long slot(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), policy.nonceLifetime().toSeconds());
    }
}
