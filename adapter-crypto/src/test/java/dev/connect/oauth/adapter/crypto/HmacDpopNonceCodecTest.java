package dev.connect.oauth.adapter.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connect.oauth.application.port.out.DpopNonceCodec;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class HmacDpopNonceCodecTest {
    private static final String KEK = "q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA=";
    private final KeyEncryptionKey kek = KeyEncryptionKey.parse(KEK);
    private final DpopNonceCodec codec = CryptoAdapter.dpopNonceCodec(kek, Optional.empty());

    @Test
    void openWhenSealedByAnyNodeWithTheSameKekThenTheSlot() {
        DpopNonceCodec otherNode = CryptoAdapter.dpopNonceCodec(KeyEncryptionKey.parse(KEK), Optional.empty());

        assertThat(otherNode.open(codec.seal(42))).isEqualTo(OptionalLong.of(42));
        assertThat(codec.seal(42)).matches("[A-Za-z0-9_-]+").isEqualTo(otherNode.seal(42));
    }

    @Test
    void openWhenSealedWithAnotherKekThenEmpty() {
        DpopNonceCodec stranger = CryptoAdapter.dpopNonceCodec(KeyEncryptionKey.generate(), Optional.empty());

        assertThat(codec.open(stranger.seal(42))).isEmpty();
    }

    @Test
    void openWhenSealedWithThePreviousKekDuringARotationThenTheSlot() {
        KeyEncryptionKey next = KeyEncryptionKey.generate();
        DpopNonceCodec rotated = CryptoAdapter.dpopNonceCodec(next, Optional.of(kek));

        assertThat(rotated.open(codec.seal(7))).isEqualTo(OptionalLong.of(7));
        assertThat(codec.open(rotated.seal(7))).isEmpty();
    }

    @Test
    void openWhenTamperedOrMalformedThenEmpty() {
        String nonce = codec.seal(42);
        char last = nonce.charAt(nonce.length() - 1);
        String tampered = nonce.substring(0, nonce.length() - 1) + (last == 'A' ? 'B' : 'A');
        String otherSlot = codec.seal(43).substring(0, 11) + nonce.substring(11);

        assertThat(codec.open(tampered)).isEmpty();
        assertThat(codec.open(otherSlot)).isEmpty();
        assertThat(codec.open("")).isEmpty();
        assertThat(codec.open("not base64url!")).isEmpty();
        assertThat(codec.open(nonce + "AAAA")).isEmpty();
    }
}
