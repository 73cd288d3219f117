package dev.connect.oauth.adapter.crypto;

import dev.connect.oauth.application.port.out.PasswordHasher;
import dev.connect.oauth.application.port.out.SecretGenerator;
import dev.connect.oauth.application.port.out.SecretHasher;

/**
 * The crypto adapter's one entry point: factories for the out-ports it implements, for the
 * composition root to bind.
 *
 * <ul>
 *   <li>{@link #passwordHasher()}: Argon2id (RFC 9106) for account passwords;</li>
 *   <li>{@link #secretHasher()}: SHA-256 for high-entropy secrets;</li>
 *   <li>{@link #secretGenerator()}: 256-bit secrets and 128-bit identifiers, base64url.</li>
 * </ul>
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9106">RFC 9106</a>
 */
public final class CryptoAdapter {
    private CryptoAdapter() {
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
