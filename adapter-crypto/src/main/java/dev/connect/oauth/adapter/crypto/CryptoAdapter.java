package dev.connect.oauth.adapter.crypto;

import dev.connect.oauth.application.port.out.ClientAssertionCodec;
import dev.connect.oauth.application.port.out.ClientKeysFetcher;
import dev.connect.oauth.application.port.out.DpopNonceCodec;
import dev.connect.oauth.application.port.out.DpopProofReader;
import dev.connect.oauth.application.port.out.PairwiseSubjects;
import dev.connect.oauth.application.port.out.PasswordHasher;
import dev.connect.oauth.application.port.out.SecretGenerator;
import dev.connect.oauth.application.port.out.SecretHasher;
import dev.connect.oauth.application.port.out.ServerSecretRepository;
import dev.connect.oauth.application.port.out.SigningKeyRepository;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The crypto adapter's one entry point: factories for the out-ports it implements, for the
 * composition root to bind.
 *
 * <ul>
 *   <li>{@link #signingKeys}: RFC 9068 JWT access tokens signed with ES256 and the JWK Set that
 *       verifies them (RFC 7517), keys shared through a {@link SigningKeyRepository}, sealed there
 *       with a {@link KeyEncryptionKey};</li>
 *   <li>{@link #pairwiseSubjects}: pairwise {@code sub} values (OpenID Connect Core §8.1), HMAC-SHA-256
 *       under a secret the operator sets or the store keeps sealed;</li>
 *   <li>{@link #passwordHasher(int)}: Argon2id (RFC 9106) for account passwords, a bounded number at once;</li>
 *   <li>{@link #secretHasher()}: SHA-256 for high-entropy secrets;</li>
 *   <li>{@link #secretGenerator()}: 256-bit secrets and 128-bit identifiers, base64url;</li>
 *   <li>{@link #clientAssertionCodec()} and {@link #clientKeysFetcher()}: client assertions
 *       (RFC 7523) and the client keys that verify them;</li>
 *   <li>{@link #clientSecretSealer}: the secrets of {@code client_secret_jwt} clients, sealed with the
 *       key-encryption key;</li>
 *   <li>{@link #dpopProofReader()} and {@link #dpopNonceCodec}: DPoP proofs and stateless nonces (RFC 9449).</li>
 * </ul>
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9068">RFC 9068</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9106">RFC 9106</a>
 */
public final class CryptoAdapter {
    /**
     * How often each node rereads the key store, which is also how long a new key waits before
     * it signs: long enough to spare the store, short enough that a rotation is live in a minute.
     */
    private static final Duration KEY_REFRESH = Duration.ofSeconds(60);
    /**
     * How long a password hash waits for a free slot before it is refused: a few hash times, so a
     * burst is smoothed but a flood is answered 503 at once instead of queueing.
     */
    private static final Duration HASH_SLOT_WAIT = Duration.ofMillis(200);

    private CryptoAdapter() {
    }

    /**
     * The signing keys of this node. Keys are loaded (and the first one made) on first use, not
     * here, so building the object graph needs no store.
     *
     * @param accessTokenTtl how long access tokens are valid: retired keys stay published that much longer
     * @param kek            seals the private keys in the store; new and resealed keys use it
     * @param previousKek    the key-encryption key before the last rotation, still accepted for reading
     * @throws IllegalArgumentException when {@code accessTokenTtl} is not positive
     */
    public static SigningKeys signingKeys(SigningKeyRepository repository, Clock clock, Duration accessTokenTtl,
                                          KeyEncryptionKey kek, Optional<KeyEncryptionKey> previousKek) {
        return new SigningKeys(new KeyRing(repository, new KeySealer(kek, previousKek), clock,
                new KeyLifetime(KEY_REFRESH, accessTokenTtl)));
    }

    /**
     * Pairwise subject identifiers under {@code configured} when the operator set one, else under a
     * secret made once and kept in {@code repository}, sealed with {@code kek} (opened with
     * {@code previousKek} too, and then resealed). Nothing is read before the first use.
     */
    public static PairwiseSubjects pairwiseSubjects(Optional<PairwiseSecret> configured,
                                                    ServerSecretRepository repository, Clock clock,
                                                    KeyEncryptionKey kek, Optional<KeyEncryptionKey> previousKek) {
        return pairwiseKeys(configured, repository, clock, kek, previousKek).subjects();
    }

    /** {@link #pairwiseSubjects}, with the check of the stored secret for the start and the KEK rotation. */
    public static PairwiseKeys pairwiseKeys(Optional<PairwiseSecret> configured, ServerSecretRepository repository,
                                            Clock clock, KeyEncryptionKey kek, Optional<KeyEncryptionKey> previousKek) {
        return new PairwiseKeys(configured,
                new StoredPairwiseSecret(repository, new KeySealer(kek, previousKek), clock));
    }

    /**
     * Argon2id with m=19 MiB, t=2, p=1 (OWASP); verifies hashes of any cost within sane bounds.
     * At most {@code concurrency} hashes run at once; one that finds no slot within a fraction of
     * a second fails with {@link dev.connect.oauth.application.port.out.TemporarilyUnavailableException}.
     *
     * @param concurrency how many hashes may run at once: about the number of cores
     * @throws IllegalArgumentException when {@code concurrency} is below 1
     */
    public static PasswordHasher passwordHasher(int concurrency) {
        return new BoundedPasswordHasher(new Argon2idPasswordHasher(Argon2idCost.RECOMMENDED), concurrency,
                HASH_SLOT_WAIT);
    }

    /** SHA-256 as 64 lower-case hex digits, compared in constant time. */
    public static SecretHasher secretHasher() {
        return new Sha256SecretHasher();
    }

    /** {@link java.security.SecureRandom} values, base64url without padding: 43 and 22 characters. */
    public static SecretGenerator secretGenerator() {
        return new SecureRandomSecretGenerator();
    }

    /** Client assertions signed with RSA or EC keys or an HMAC of the client secret, and registered JWK Sets checked to hold public keys only. */
    public static ClientAssertionCodec clientAssertionCodec() {
        return new NimbusClientAssertionCodec();
    }

    /**
     * Client secrets sealed with {@code kek}; those sealed under {@code previousKek} still open during
     * a KEK rotation, and {@link SealedClientSecrets#rewrap} seals them again with {@code kek}.
     */
    public static SealedClientSecrets clientSecretSealer(KeyEncryptionKey kek, Optional<KeyEncryptionKey> previousKek) {
        return new SealedClientSecrets(new KeySealer(kek, previousKek));
    }

    /** Client JWK Sets fetched with a 2-second connect and 3-second answer timeout, at most 64 KiB, no redirects. */
    public static ClientKeysFetcher clientKeysFetcher() {
        return new JdkClientKeysFetcher(Duration.ofSeconds(2), Duration.ofSeconds(3));
    }

    /** Reads DPoP proofs and checks their signatures: ES256, EdDSA (Ed25519), PS256 and RS256. */
    public static DpopProofReader dpopProofReader() {
        return new NimbusDpopProofReader();
    }

    /**
     * DPoP nonces every node holding {@code kek} opens; those sealed under {@code previousKek} are
     * still opened during a KEK rotation.
     */
    public static DpopNonceCodec dpopNonceCodec(KeyEncryptionKey kek, Optional<KeyEncryptionKey> previousKek) {
        return new HmacDpopNonceCodec(kek, previousKek);
    }
}
