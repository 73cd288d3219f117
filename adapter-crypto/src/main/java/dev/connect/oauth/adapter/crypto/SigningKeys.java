package dev.connect.oauth.adapter.crypto;

import dev.connect.oauth.application.port.out.AccessTokenCodec;
import dev.connect.oauth.application.port.out.IdTokenSigner;
import dev.connect.oauth.application.port.out.IdTokenVerifier;
import java.util.Objects;

/**
 * The access-token signing keys of one node, kept in the shared
 * {@link dev.connect.oauth.application.port.out.SigningKeyRepository} so that every node signs
 * and verifies alike. It makes the first ES256 key when the store has none, rereads the store
 * every minute, and rotates with overlap: a new key is published on every node before any node
 * signs with it, and a retired key stays published until the last token it signed has expired,
 * so rotation needs no downtime and no resource server ever meets an unknown {@code kid}.
 * The private keys are stored sealed with the operator's {@link KeyEncryptionKey} (AES-256-GCM),
 * so the store alone cannot sign. Thread-safe.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9068">RFC 9068</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7517#section-5">RFC 7517 §5 (JWK Set)</a>
 */
public final class SigningKeys {
    private final KeyRing ring;
    private final AccessTokenCodec codec;
    private final IdTokenSigner idTokenSigner;
    private final IdTokenVerifier idTokenVerifier;

    SigningKeys(KeyRing ring) {
        this.ring = Objects.requireNonNull(ring, "ring");
        this.codec = new NimbusAccessTokenCodec(ring);
        this.idTokenSigner = new NimbusIdTokenSigner(ring);
        this.idTokenVerifier = new NimbusIdTokenVerifier(ring);
    }

    /** Signs access tokens and publishes the JWK Set; bind it to the {@link AccessTokenCodec} port. */
    public AccessTokenCodec codec() {
        return codec;
    }

    /** Signs OpenID Connect ID tokens with the same keys; bind it to the {@link IdTokenSigner} port. */
    public IdTokenSigner idTokenSigner() {
        return idTokenSigner;
    }

    /** Verifies ID tokens signed here ({@code id_token_hint}); bind it to the {@link IdTokenVerifier} port. */
    public IdTokenVerifier idTokenVerifier() {
        return idTokenVerifier;
    }

    /**
     * Adds a new signing key and retires the older ones; deletes retired keys whose tokens have
     * all expired. Tokens already issued stay verifiable.
     *
     * @return the {@code kid} of the new key, safe to show (it names a public key)
     */
    public String rotate() {
        return ring.rotate();
    }

    /**
     * Checks, at start, that this node's key-encryption keys open every stored key, and seals those
     * still stored in clear (a store from before encryption at rest). Safe on many nodes at once.
     *
     * @return how many keys were stored in clear and are now sealed
     * @throws KeyEncryptionException when a stored key does not open: the wrong key-encryption key
     */
    public int checkStoredKeys() {
        return ring.reseal(false);
    }

    /**
     * Seals every stored key with the current key-encryption key (the last step of rotating it:
     * afterwards the previous one is no longer needed). Safe while nodes serve.
     *
     * @return how many keys were sealed again
     * @throws KeyEncryptionException when a stored key does not open with the current or previous key
     */
    public int rewrap() {
        return ring.reseal(true);
    }
}
