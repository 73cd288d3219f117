package dev.connect.oauth.adapter.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Seals private signing keys (and the server's other shared secrets: the secrets of
 * {@code client_secret_jwt} clients, {@link SealedClientSecrets}, and the pairwise subject key) for
 * the store with AES-256-GCM under the key-encryption key, and
 * opens them with the current or the previous one (so nodes keep working while the KEK rotates).
 *
 * <p>The stored form is {@code A256GCM.<kek id>.<nonce>.<ciphertext and tag>} (base64url): a
 * random 96-bit nonce per seal (NIST SP 800-38D §8.2.2; a few keys per KEK are far below its
 * 2<sup>32</sup> limit), and the signing key's {@code kid} as associated data, so a ciphertext
 * copied into another row does not open. The JDK's {@code javax.crypto} suffices: a JWE
 * ({@code dir}/{@code A256GCM}) would add a header to parse and still need the {@code kid} bound
 * by hand. A row that is still a JSON object was stored before encryption at rest.
 */
final class KeySealer {
    private static final String FORMAT = "A256GCM";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final KeyEncryptionKey current;
    private final Optional<KeyEncryptionKey> previous;

    KeySealer(KeyEncryptionKey current, Optional<KeyEncryptionKey> previous) {
        this.current = Objects.requireNonNull(current, "current");
        this.previous = Objects.requireNonNull(previous, "previous");
    }

    /** How a stored key was kept. */
    enum Seal {
        /** In clear: stored before encryption at rest. */
        CLEAR,
        /** With the previous key-encryption key. */
        PREVIOUS,
        /** With the current key-encryption key. */
        CURRENT
    }

    /** A stored value opened: the plaintext (a private JWK, a client secret), and how it was sealed. */
    record Opened(String plaintext, Seal seal) {
    }

    /** {@code plaintext} sealed with the current KEK, bound to {@code associatedData} (a signing key's {@code kid}). */
    String seal(String associatedData, String plaintext) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        byte[] sealed = crypt(Cipher.ENCRYPT_MODE, current, nonce, associatedData, plaintext.getBytes(StandardCharsets.UTF_8));
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        return String.join(".", FORMAT, current.id(), base64.encodeToString(nonce), base64.encodeToString(sealed));
    }

    /** @throws KeyEncryptionException when neither KEK opens {@code stored} under this {@code kid} */
    Opened open(String kid, String stored) {
        if (stored.startsWith("{")) {
            return new Opened(stored, Seal.CLEAR);
        }
        return open("Signing key " + kid, kid, stored);
    }

    /**
     * Opens what {@link #seal} sealed with {@code associatedData}; {@code what} names it in errors.
     *
     * @throws KeyEncryptionException when neither KEK opens {@code stored} under {@code associatedData}
     */
    Opened open(String what, String associatedData, String stored) {
        String[] parts = stored.split("\\.", -1);
        if (parts.length != 4 || !parts[0].equals(FORMAT)) {
            throw new KeyEncryptionException(what + " is stored in an unknown form");
        }
        KeyEncryptionKey kek = Optional.of(current).filter(key -> key.id().equals(parts[1]))
                .or(() -> previous.filter(key -> key.id().equals(parts[1])))
                .orElseThrow(() -> new KeyEncryptionException(what + " is sealed with key-encryption key "
                        + parts[1] + ", but this node has " + current.id()
                        + previous.map(key -> " and previous " + key.id()).orElse("")));
        try {
            Base64.Decoder base64 = Base64.getUrlDecoder();
            byte[] opened = crypt(Cipher.DECRYPT_MODE, kek, base64.decode(parts[2]), associatedData,
                    base64.decode(parts[3]));
            return new Opened(new String(opened, StandardCharsets.UTF_8), kek.equals(current) ? Seal.CURRENT : Seal.PREVIOUS);
        } catch (IllegalArgumentException | SealFailure e) {
            throw new KeyEncryptionException(what + " does not open with key-encryption key " + kek.id()
                    + ": the row was altered or copied from another key");
        }
    }

    private static byte[] crypt(int mode, KeyEncryptionKey kek, byte[] nonce, String associatedData, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, kek.secretKey(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            // A failed tag check (AEADBadTagException) lands here; its message says nothing of the key.
            throw new SealFailure(e);
        }
    }

    /** AES-GCM refused: a wrong key or tag when opening (every Java platform has AES-GCM). */
    private static final class SealFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SealFailure(GeneralSecurityException cause) {
            super(cause);
        }
    }
}
