package dev.connect.oauth.adapter.crypto;

/**
 * A stored signing key does not open with this node's key-encryption keys: the node was started
 * with the wrong key, or without the previous one during a rotation, or the row was altered or
 * copied from another row. The message names the signing key and key-encryption key ids only.
 */
public final class KeyEncryptionException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    KeyEncryptionException(String message) {
        super(message);
    }
}
