package dev.connect.oauth.adapter.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The operator's key-encryption key (KEK): 256 random bits that encrypt the private signing keys
 * in the database with AES-256-GCM, so that a database backup or replica alone cannot mint tokens.
 * Written as base64 of its 32 bytes. Its {@link #id()}, a truncated hash, names it in stored keys
 * and messages; {@link #toString()} shows only that, never the key.
 *
 * @see <a href="https://nvlpubs.nist.gov/nistpubs/Legacy/SP/nistspecialpublication800-38d.pdf">NIST SP 800-38D (GCM)</a>
 */
public final class KeyEncryptionKey {
    private static final int BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String OWNER_ONLY = "rw-------";

    private final byte[] key;
    private final String id;

    private KeyEncryptionKey(byte[] key) {
        this.key = key.clone();
        this.id = fingerprint(key);
    }

    /**
     * Reads base64 (standard or URL alphabet, padding optional) of 32 bytes.
     *
     * @throws IllegalArgumentException when it is not; the message never quotes the value
     */
    public static KeyEncryptionKey parse(String base64) {
        Objects.requireNonNull(base64, "base64");
        String trimmed = base64.strip().replace('-', '+').replace('_', '/');
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(trimmed);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("must be base64 of 32 random bytes");
        }
        if (decoded.length != BYTES) {
            throw new IllegalArgumentException("must be base64 of 32 random bytes, not " + decoded.length);
        }
        return new KeyEncryptionKey(decoded);
    }

    /** A new random key. */
    public static KeyEncryptionKey generate() {
        byte[] key = new byte[BYTES];
        RANDOM.nextBytes(key);
        return new KeyEncryptionKey(key);
    }

    /**
     * Reads a key written as base64 in {@code file}.
     *
     * @throws IllegalArgumentException when the file cannot be read or holds no key
     */
    public static KeyEncryptionKey readFile(Path file) {
        Objects.requireNonNull(file, "file");
        String content;
        try {
            content = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("cannot read " + file);
        }
        return parse(content);
    }

    /**
     * Generates a key into a new {@code file} (and its folder) readable and writable by the owner
     * only ({@code rw-------} where the file system has POSIX permissions).
     *
     * @throws UncheckedIOException when the file exists already or cannot be written
     */
    public static KeyEncryptionKey createFile(Path file) {
        Objects.requireNonNull(file, "file");
        KeyEncryptionKey created = generate();
        try {
            Path folder = file.toAbsolutePath().getParent();
            Files.createDirectories(folder);
            FileAttribute<?>[] ownerOnly = FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                    ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(OWNER_ONLY))}
                    : new FileAttribute<?>[0];
            // Created with its permissions, never readable by others even for an instant.
            Files.createFile(file, ownerOnly);
            Files.writeString(file, Base64.getEncoder().encodeToString(created.key) + "\n", StandardCharsets.US_ASCII,
                    StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the key-encryption key file " + file, e);
        }
        return created;
    }

    /** A short name of the key (8 base64url characters of its SHA-256), safe to store and show. */
    public String id() {
        return id;
    }

    /**
     * A key for {@code purpose} derived from this one (HMAC-SHA256 of the purpose under this key), so
     * that every node holding this key derives the same, and no use of it can reveal this one.
     */
    byte[] derive(String purpose) {
        Objects.requireNonNull(purpose, "purpose");
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(purpose.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every Java platform", e);
        }
    }

    SecretKey secretKey() {
        return new SecretKeySpec(key, "AES");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof KeyEncryptionKey that && MessageDigest.isEqual(key, that.key);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "KeyEncryptionKey[id=" + id + "]";
    }

    private static String fingerprint(byte[] key) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update("connect-oauth key-encryption key id".getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(sha256.digest(key), 6));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
