package dev.connect.oauth.adapter.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Es256SignerTest {
    private static final JWSHeader ES256 = new JWSHeader(JWSAlgorithm.ES256);

    private final ECKey key = TestSigningKeys.p256();

    Es256SignerTest() throws Exception {
    }

    @Test
    void signWhenVerifiedByTheJdkThenEverySignatureHolds() throws Exception {
        Es256Signer signer = new Es256Signer(key);
        ECDSAVerifier jdk = new ECDSAVerifier(key.toECPublicKey());

        // Enough signatures that some R or S has leading zero bytes (1 in 128 per signature),
        // which the fixed 32-byte halves of JOSE's form must keep.
        for (int i = 0; i < 2_000; i++) {
            byte[] input = ("header.payload-" + i).getBytes(StandardCharsets.US_ASCII);
            Base64URL signature = signer.sign(ES256, input);

            assertThat(signature.decode()).hasSize(64);
            assertThat(jdk.verify(ES256, input, signature)).as("signature %d", i).isTrue();
        }
    }

    @Test
    void signWhenSameInputTwiceThenNoncesDiffer() throws Exception {
        Es256Signer signer = new Es256Signer(key);
        byte[] input = "header.payload".getBytes(StandardCharsets.US_ASCII);

        assertThat(signer.sign(ES256, input)).isNotEqualTo(signer.sign(ES256, input));
    }

    @Test
    void signWhenInputChangedThenSignatureFailsVerification() throws Exception {
        Base64URL signature = new Es256Signer(key).sign(ES256, "header.payload".getBytes(StandardCharsets.US_ASCII));

        assertThat(new ECDSAVerifier(key.toECPublicKey())
                .verify(ES256, "header.payloaD".getBytes(StandardCharsets.US_ASCII), signature)).isFalse();
    }

    @Test
    void signWhenHeaderNamesAnotherAlgorithmThenRefuses() throws Exception {
        Es256Signer signer = new Es256Signer(key);

        assertThatExceptionOfType(JOSEException.class)
                .isThrownBy(() -> signer.sign(new JWSHeader(JWSAlgorithm.ES384), new byte[] {1}));
        assertThat(signer.supportedJWSAlgorithms()).containsExactly(JWSAlgorithm.ES256);
    }

    @Test
    void constructWhenPublicKeyOrOtherCurveThenRefuses() throws Exception {
        assertThatExceptionOfType(JOSEException.class).isThrownBy(() -> new Es256Signer(key.toPublicJWK()));
        assertThatExceptionOfType(JOSEException.class)
                .isThrownBy(() -> new Es256Signer(new ECKeyGenerator(Curve.P_384).generate()));
        assertThatNullPointerException().isThrownBy(() -> new Es256Signer(null)).withMessage("jwk");
    }
}
