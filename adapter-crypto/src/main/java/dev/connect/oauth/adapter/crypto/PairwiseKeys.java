package dev.connect.oauth.adapter.crypto;

import dev.connect.oauth.application.port.out.PairwiseSubjects;
import java.util.Objects;
import java.util.Optional;

/**
 * The key of this node's pairwise subjects: the operator's {@link PairwiseSecret}, or the one the
 * store keeps sealed. {@link #subjects()} is the out-port; {@link #checkStored()} is for the start
 * and the key-encryption key rotation, like {@link SigningKeys#checkStoredKeys()}.
 */
public final class PairwiseKeys {
    private final Optional<PairwiseSecret> configured;
    private final StoredPairwiseSecret stored;
    private final PairwiseSubjects subjects;

    PairwiseKeys(Optional<PairwiseSecret> configured, StoredPairwiseSecret stored) {
        this.configured = Objects.requireNonNull(configured, "configured");
        this.stored = Objects.requireNonNull(stored, "stored");
        this.subjects = new HmacPairwiseSubjects(() -> configured.orElseGet(stored));
    }

    public PairwiseSubjects subjects() {
        return subjects;
    }

    /**
     * Opens the stored secret, if there is one and no secret is configured, and reseals it under the
     * current key-encryption key when the previous one sealed it. Makes none.
     *
     * @return whether it was resealed
     * @throws KeyEncryptionException when neither key-encryption key opens it
     */
    public boolean checkStored() {
        return configured.isEmpty() && stored.rewrap();
    }
}
