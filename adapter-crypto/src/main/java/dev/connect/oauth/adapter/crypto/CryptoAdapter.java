package dev.connect.oauth.adapter.crypto;

import dev.connect.oauth.application.port.out.PasswordHasher;
import dev.connect.oauth.application.port.out.SecretGenerator;
import dev.connect.oauth.application.port.out.SecretHasher;
import dev.connect.oauth.application.port.out.SigningKeyRepository;
import java.time.Clock;
import java.time.Duration;

/**
 * The crypto adapter's one entry point: factories for the out-ports it implements, for the
 * composition root to bind.
 *
 * <ul>
 *   <li>{@link #signingKeys}: RFC 9068 JWT access tokens signed with ES256 and the JWK Set that
 *       verifies them (RFC 7517), keys shared through a {@link SigningKeyRepository};</li>
 *   <li>{@link #passwordHasher()}: Argon2id (RFC 9106) for account passwords;</li>
 *   <li>{@link #secretHasher()}: SHA-256 for high-entropy secrets;</li>
 *   <li>{@link #secretGenerator()}: 256-bit secrets and 128-bit identifiers, base64url.</li>
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

    private CryptoAdapter() {
    }

    /**
     * The signing keys of this node. Keys are loaded (and the first one made) on first use, not
     * here, so building the object graph needs no store.
     *
     * @param accessTokenTtl how long access tokens are valid: retired keys stay published that much longer
     * @throws IllegalArgumentException when {@code accessTokenTtl} is not positive
     */
    public static SigningKeys signingKeys(SigningKeyRepository repository, Clock clock, Duration accessTokenTtl) {
        return new SigningKeys(new KeyRing(repository, clock, new KeyLifetime(KEY_REFRESH, accessTokenTtl)));
    }

    /** Argon2id with m=19 MiB, t=2, p=1 (OWASP); verifies hashes of any cost within sane bounds. */
    public static PasswordHasher passwordHasher() {
        return new Argon2idPasswordHasher(Argon2idCost.RECOMMENDED);
    }

    /** SHA-256 as 64 lower-case hex digits, compared in constant time. */
    public static SecretHasher secretHasher() {
        return new Sha256SecretHasher();
    }

    /** {@link java.security.SecureRandom} values, base64url without padding: 43 and 22 characters. */
    public static SecretGenerator secretGenerator() {
        return new SecureRandomSecretGenerator();
    }
}
