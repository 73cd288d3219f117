package dev.connect.oauth.adapter.crypto;

import dev.connect.oauth.application.port.out.DpopNonceCodec;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * DPoP nonces as base64url of a slot number and a 128-bit HMAC-SHA256 tag over it, under a key
 * derived from the key-encryption key, which every node of a fleet holds: any node opens what any
 * other sealed, with no shared state. During a KEK rotation the previous key's nonces are opened too.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9449#section-8">RFC 9449 §8</a>
 */
final class HmacDpopNonceCodec implements DpopNonceCodec {
    private static final String PURPOSE = "connect-oauth dpop-nonce v1";
    private static final int TAG_BYTES = 16;
    private static final int NONCE_BYTES = Long.BYTES + TAG_BYTES;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final byte[] sealing;
    private final List<byte[]> opening;

    HmacDpopNonceCodec(KeyEncryptionKey kek, Optional<KeyEncryptionKey> previousKek) {
        Objects.requireNonNull(kek, "kek");
        Objects.requireNonNull(previousKek, "previousKek");
        this.sealing = kek.derive(PURPOSE);
        this.opening = previousKek.map(previous -> List.of(sealing, previous.derive(PURPOSE))).orElse(List.of(sealing));
    }

    @Override
    public String seal(long slot) {
        byte[] nonce = ByteBuffer.allocate(NONCE_BYTES).putLong(slot).put(tag(sealing, slot)).array();
        return ENCODER.encodeToString(nonce);
    }

    @Override
    public OptionalLong open(String nonce) {
        Objects.requireNonNull(nonce, "nonce");
        byte[] decoded;
        try {
            decoded = Base64.getUrlDecoder().decode(nonce);
        } catch (IllegalArgumentException notBase64url) {
            return OptionalLong.empty();
        }
        if (decoded.length != NONCE_BYTES) {
            return OptionalLong.empty();
        }
        long slot = ByteBuffer.wrap(decoded).getLong();
        byte[] presented = Arrays.copyOfRange(decoded, Long.BYTES, NONCE_BYTES);
        for (byte[] key : opening) {
            if (MessageDigest.isEqual(presented, tag(key, slot))) {
                return OptionalLong.of(slot);
            }
        }
        return OptionalLong.empty();
    }

    private static byte[] tag(byte[] key, long slot) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Arrays.copyOf(mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(slot).array()), TAG_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every Java platform", e);
        }
    }
}
