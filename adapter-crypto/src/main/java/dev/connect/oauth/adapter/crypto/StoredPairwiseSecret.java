package dev.connect.oauth.adapter.crypto;

import dev.connect.oauth.application.port.out.ServerSecretRepository;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The pairwise secret kept in the store, sealed under the key-encryption key like the signing
 * keys, so every node reads the same one: made by the first node that needs it (the store keeps
 * the first one added, and every node opens that one), and resealed under the current KEK when
 * it was sealed with the previous one, so that retiring the previous KEK never loses it.
 */
final class StoredPairwiseSecret implements Supplier<PairwiseSecret> {
    /** Its name in the store, also the associated data of its seal. */
    static final String NAME = "pairwise-subject-key";
    private static final String LABEL = "The pairwise subject key";

    private final ServerSecretRepository repository;
    private final KeySealer sealer;
    private final Clock clock;

    StoredPairwiseSecret(ServerSecretRepository repository, KeySealer sealer, Clock clock) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.sealer = Objects.requireNonNull(sealer, "sealer");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public PairwiseSecret get() {
        String stored = repository.find(NAME).orElseGet(() -> repository.addIfAbsent(NAME,
                sealer.seal(NAME, PairwiseSecret.generate().base64()), clock.instant()));
        KeySealer.Opened opened = sealer.open(LABEL, NAME, stored);
        reseal(stored, opened);
        return PairwiseSecret.parse(opened.plaintext());
    }

    /** Opens the stored secret, if any, resealing it when the previous KEK sealed it; whether it did. None is made. */
    boolean rewrap() {
        Optional<String> stored = repository.find(NAME);
        return stored.isPresent() && reseal(stored.get(), sealer.open(LABEL, NAME, stored.get()));
    }

    /** Another node resealing at the same time makes the compare-and-set fail harmlessly. */
    private boolean reseal(String stored, KeySealer.Opened opened) {
        return opened.seal() == KeySealer.Seal.PREVIOUS
                && repository.replace(NAME, stored, sealer.seal(NAME, opened.plaintext()));
    }
}
