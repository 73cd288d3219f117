package dev.connect.oauth.adapter.crypto;

import dev.connect.oauth.application.port.out.PasswordHasher;
import dev.connect.oauth.domain.PasswordHash;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Objects;

/**
 * Argon2id (RFC 9106) password hashing with a random 16-byte salt per password, stored as a PHC
 * string. Verification reads the cost from the stored string, so hashes made with an older cost
 * still verify after the cost is raised. Thread-safe.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9106#section-4">RFC 9106 §4</a>
 */
final class Argon2idPasswordHasher implements PasswordHasher {
    private static final int SALT_BYTES = 16;

    private final Argon2idCost cost;
    private final SecureRandom random = new SecureRandom();

    Argon2idPasswordHasher(Argon2idCost cost) {
        this.cost = Objects.requireNonNull(cost, "cost");
    }

    @Override
    public PasswordHash hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return new PasswordHash(Argon2idHash.of(bytes(password), cost, salt).encode());
    }

    @Override
    public boolean verify(String password, PasswordHash hash) {
        Objects.requireNonNull(hash, "hash");
        if (password == null) {
            // A password the form left out matches nothing, like the in-memory fake.
            return false;
        }
        byte[] candidate = bytes(password);
        return Argon2idHash.parse(hash.encoded()).map(stored -> stored.matches(candidate)).orElse(false);
    }

    /**
     * NFKC first, as NIST SP 800-63B §5.1.1.2 advises: the same password typed on two keyboards
     * may arrive as different code points (a precomposed é or e plus a combining accent).
     */
    private static byte[] bytes(String password) {
        Objects.requireNonNull(password, "password");
        return Normalizer.normalize(password, Normalizer.Form.NFKC).getBytes(StandardCharsets.UTF_8);
    }
}
