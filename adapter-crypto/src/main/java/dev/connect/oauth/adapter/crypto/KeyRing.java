package dev.connect.oauth.adapter.crypto;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import dev.connect.oauth.application.port.out.SigningKey;
import dev.connect.oauth.application.port.out.SigningKeyRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * This node's view of the shared signing keys: the stored keys parsed once, reread from the
 * store every {@link KeyLifetime#propagation()} so that a rotation made on any node (or by the
 * CLI) reaches this one, and the rules of {@link KeyLifetime} applied to pick the signing key and
 * the published ones. Thread-safe: readers share an immutable snapshot and never wait on the
 * store, except for the very first load.
 */
final class KeyRing {
    private static final JWSAlgorithm ALGORITHM = JWSAlgorithm.ES256;

    private final SigningKeyRepository repository;
    private final KeySealer sealer;
    private final Clock clock;
    private final KeyLifetime lifetime;
    private final ReentrantLock loading = new ReentrantLock();
    private volatile Snapshot snapshot;

    KeyRing(SigningKeyRepository repository, KeySealer sealer, Clock clock, KeyLifetime lifetime) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.sealer = Objects.requireNonNull(sealer, "sealer");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.lifetime = Objects.requireNonNull(lifetime, "lifetime");
    }

    /**
     * The key to sign with now: the newest one every node already publishes, or, while none is
     * (the first minute of a new cluster), the newest one.
     */
    ParsedSigningKey signingKey() {
        Instant now = clock.instant();
        ParsedSigningKey newest = null;
        for (ParsedSigningKey key : current(now).keys()) {
            if (!lifetime.maySign(key.stored(), now)) {
                continue;
            }
            if (lifetime.publishedEverywhere(key.stored(), now)) {
                return key;
            }
            if (newest == null) {
                newest = key;
            }
        }
        // Never null: every snapshot holds an unretired key, and unretired keys may sign.
        return Objects.requireNonNull(newest, "newest");
    }

    /** The public JWKs of every key whose tokens may still be valid, newest first. */
    List<JWK> publishedKeys() {
        Instant now = clock.instant();
        List<JWK> published = new ArrayList<>();
        for (ParsedSigningKey key : current(now).keys()) {
            if (lifetime.mustPublish(key.stored(), now)) {
                published.add(key.publicJwk());
            }
        }
        return List.copyOf(published);
    }

    /**
     * Adds a new key, retires the older ones and deletes those whose tokens have all expired.
     * Every node, this one included, signs with the new key once it is published everywhere.
     *
     * @return the new key's {@code kid}
     */
    String rotate() {
        Instant now = now();
        SigningKey added = generate(now);
        repository.add(added);
        repository.retireOlderThan(added.createdAt(), now);
        repository.deleteRetiredBefore(lifetime.retiredKeysDeletableBefore(now));
        loading.lock();
        try {
            snapshot = load(now);
        } finally {
            loading.unlock();
        }
        return added.kid();
    }

    /**
     * Opens every stored key, and seals again with the current key-encryption key those stored in
     * clear (from before encryption at rest) and, when {@code rewrapPrevious}, those sealed with
     * the previous one. Each replacement is a compare-and-set, so nodes doing it at once agree.
     *
     * @return how many keys were sealed again
     * @throws KeyEncryptionException when a stored key does not open with this node's key-encryption keys
     */
    int reseal(boolean rewrapPrevious) {
        int resealed = 0;
        for (SigningKey key : repository.findAll()) {
            KeySealer.Opened opened = sealer.open(key.kid(), key.sealedPrivateKey());
            boolean reseal = opened.seal() == KeySealer.Seal.CLEAR
                    || (rewrapPrevious && opened.seal() == KeySealer.Seal.PREVIOUS);
            if (reseal
                    && repository.replaceSealedPrivateKey(key.kid(), key.sealedPrivateKey(),
                            sealer.seal(key.kid(), opened.plaintext()))) {
                resealed++;
            }
        }
        return resealed;
    }

    /**
     * The snapshot, reloaded when older than the propagation delay. Only the first load blocks;
     * afterwards one caller reloads while the others go on with the previous snapshot.
     */
    private Snapshot current(Instant now) {
        Snapshot seen = snapshot;
        if (seen != null && now.isBefore(seen.reloadAt())) {
            return seen;
        }
        if (seen == null) {
            loading.lock();
        } else if (!loading.tryLock()) {
            return seen;
        }
        try {
            if (snapshot == seen) {
                snapshot = load(now);
            }
            return snapshot;
        } finally {
            loading.unlock();
        }
    }

    /**
     * Reads every key, first adding one when none is unretired (a new store). Two nodes starting
     * together on an empty store may both add one, and each signs with its own at first. That
     * is harmless: both keys are stored and unretired, so within one propagation delay every node
     * publishes both and every token verifies, and signing then settles on the newer key. Only
     * during that first minute of a new cluster may one node's JWK Set lack the other's key.
     */
    private Snapshot load(Instant at) {
        List<SigningKey> stored = repository.findAll();
        if (stored.stream().allMatch(key -> key.retiredAt().isPresent())) {
            repository.add(generate(now()));
            stored = repository.findAll();
        }
        List<ParsedSigningKey> keys = stored.stream()
                .map(key -> ParsedSigningKey.parse(key, sealer.open(key.kid(), key.sealedPrivateKey()).plaintext()))
                .toList();
        return new Snapshot(keys, at.plus(lifetime.propagation()));
    }

    /**
     * Now, to the millisecond: stores keep instants to the millisecond, and a finer creation
     * time would make {@code retireOlderThan} retire the key just added.
     */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private SigningKey generate(Instant createdAt) {
        try {
            // P-256 for ES256; the kid is the RFC 7638 thumbprint, unique without coordination.
            ECKey key = new ECKeyGenerator(Curve.P_256)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(ALGORITHM)
                    .keyIDFromThumbprint(true)
                    .generate();
            return new SigningKey(key.getKeyID(), ALGORITHM.getName(), sealer.seal(key.getKeyID(), key.toJSONString()),
                    createdAt, Optional.empty());
        } catch (JOSEException e) {
            throw new IllegalStateException("Every Java platform can generate P-256 keys", e);
        }
    }

    /** The keys as last read, newest first, and when to read them again. */
    private record Snapshot(List<ParsedSigningKey> keys, Instant reloadAt) {
    }
}
