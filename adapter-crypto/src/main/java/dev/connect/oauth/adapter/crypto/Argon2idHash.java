package dev.connect.oauth.adapter.crypto;

import java.security.MessageDigest;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * An Argon2id hash with everything needed to check a password against it, written as a PHC
 * string {@code $argon2id$v=19$m=<KiB>,t=<passes>,p=<lanes>$<salt>$<hash>} (unpadded standard
 * base64), the format libsodium and the reference implementation read and write. The cost
 * travels with each hash, so it can be raised later without invalidating stored passwords.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9106">RFC 9106</a>
 * @see <a href="https://github.com/P-H-C/phc-string-format/blob/master/phc-sf-spec.md">PHC string format</a>
 */
final class Argon2idHash {
    private static final int HASH_BYTES = 32;

    private static final Pattern PHC = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d{1,7}),t=(\\d{1,3}),p=(\\d{1,3})\\$([A-Za-z0-9+/]{11,86})\\$([A-Za-z0-9+/]{22,86})");
    private static final Base64.Encoder ENCODER = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getDecoder();

    private final Argon2idCost cost;
    private final byte[] salt;
    private final byte[] hash;

    private Argon2idHash(Argon2idCost cost, byte[] salt, byte[] hash) {
        // RFC 9106 §3.1 asks for at least 8 bytes of salt; 16 bytes of output are 128 bits to guess.
        if (salt.length < 8 || salt.length > 64 || hash.length < 16 || hash.length > 64) {
            throw new IllegalArgumentException("Argon2id salt is 8 to 64 bytes and hash 16 to 64 bytes");
        }
        this.cost = cost;
        this.salt = salt;
        this.hash = hash;
    }

    /** Hashes {@code password} (already normalised by the caller) with {@code cost} and {@code salt}. */
    static Argon2idHash of(byte[] password, Argon2idCost cost, byte[] salt) {
        Objects.requireNonNull(cost, "cost");
        return new Argon2idHash(cost, salt.clone(), derive(password, cost, salt, HASH_BYTES));
    }

    /** The hash in {@code encoded}, or empty when it is not a well-formed Argon2id PHC string. */
    static Optional<Argon2idHash> parse(String encoded) {
        Matcher phc = PHC.matcher(encoded);
        if (!phc.matches()) {
            return Optional.empty();
        }
        try {
            Argon2idCost cost = new Argon2idCost(Integer.parseInt(phc.group(1)), Integer.parseInt(phc.group(2)),
                    Integer.parseInt(phc.group(3)));
            return Optional.of(new Argon2idHash(cost, DECODER.decode(phc.group(4)), DECODER.decode(phc.group(5))));
        } catch (IllegalArgumentException e) {
            // An out-of-range cost or length, or base64 of an impossible length: not a hash we made.
            return Optional.empty();
        }
    }

    /** Whether {@code password} hashes to this hash with this hash's own cost and salt; constant time. */
    boolean matches(byte[] password) {
        return MessageDigest.isEqual(derive(password, cost, salt, hash.length), hash);
    }

    String encode() {
        return "$argon2id$v=19$m=" + cost.memoryKiB() + ",t=" + cost.iterations() + ",p=" + cost.parallelism()
                + "$" + ENCODER.encodeToString(salt) + "$" + ENCODER.encodeToString(hash);
    }

    private static byte[] derive(byte[] password, Argon2idCost cost, byte[] salt, int length) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(cost.memoryKiB())
                .withIterations(cost.iterations())
                .withParallelism(cost.parallelism())
                .withSalt(salt)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] out = new byte[length];
        generator.generateBytes(password, out);
        return out;
    }

    @Override
    public String toString() {
        return "Argon2idHash[" + cost + ", redacted]";
    }
}
