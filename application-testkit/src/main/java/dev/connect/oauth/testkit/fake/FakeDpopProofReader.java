package dev.connect.oauth.testkit.fake;

import dev.connect.oauth.application.port.out.DpopProofReader;
import dev.connect.oauth.domain.DpopProof;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link DpopProofReader} that reads back the proofs a test {@linkplain #register registered}:
 * the test states what a proof says (and whether its signature verifies) as a {@link DpopProof},
 * and sends the string it gets. Anything else reads as no proof at all.
 */
public final class FakeDpopProofReader implements DpopProofReader {
    private final Map<String, DpopProof> proofs = new ConcurrentHashMap<>();
    private final AtomicInteger sequence = new AtomicInteger();

    /** The header value that reads as {@code proof}. */
    public String register(DpopProof proof) {
        Objects.requireNonNull(proof, "proof");
        String value = "fake-dpop-proof-" + sequence.incrementAndGet();
        proofs.put(value, proof);
        return value;
    }

    @Override
    public Optional<DpopProof> read(String jwt) {
        return Optional.ofNullable(proofs.get(Objects.requireNonNull(jwt, "jwt")));
    }
}
