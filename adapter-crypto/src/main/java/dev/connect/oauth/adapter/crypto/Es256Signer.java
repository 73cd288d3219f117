package dev.connect.oauth.adapter.crypto;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.util.Base64URL;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.Set;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.util.BigIntegers;

/**
 * ES256 signatures made with Bouncy Castle's P-256 arithmetic rather than the JDK's. The signature
 * is most of the CPU a token costs, and Bouncy Castle's takes half as long (61 against 119 µs on
 * the bench machine, see {@code bench/README.md}): it inverts the nonce with a binary GCD where the
 * JDK exponentiates, and multiplies the base point with a precomputed comb. The nonce is random for
 * every signature, as with the JDK's provider. Thread-safe.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7518#section-3.4">RFC 7518 §3.4</a>
 */
final class Es256Signer implements JWSSigner {
    private static final int COORDINATE_BYTES = 32;
    /** Bouncy Castle's own P-256 curve class, with its fast field, not a generic prime curve. */
    private static final ECDomainParameters P_256 = new ECDomainParameters(CustomNamedCurves.getByName("secp256r1"));

    private final ECPrivateKeyParameters key;
    private final SecureRandom random = new SecureRandom();
    private final JCAContext jcaContext = new JCAContext();

    /**
     * @throws JOSEException when {@code jwk} is not a private key on P-256
     */
    Es256Signer(ECKey jwk) throws JOSEException {
        Objects.requireNonNull(jwk, "jwk");
        if (!Curve.P_256.equals(jwk.getCurve()) || !jwk.isPrivate()) {
            throw new JOSEException("ES256 signs with a private P-256 key");
        }
        this.key = new ECPrivateKeyParameters(jwk.getD().decodeToBigInteger(), P_256);
    }

    @Override
    public Base64URL sign(JWSHeader header, byte[] signingInput) throws JOSEException {
        if (!JWSAlgorithm.ES256.equals(header.getAlgorithm())) {
            throw new JOSEException("This signer signs ES256 only, not " + header.getAlgorithm());
        }
        ECDSASigner signer = new ECDSASigner();
        signer.init(true, new ParametersWithRandom(key, random));
        BigInteger[] signature = signer.generateSignature(sha256(signingInput));
        // JOSE's form: R and S as unsigned 32-byte big-endian integers, one after the other.
        byte[] joined = new byte[2 * COORDINATE_BYTES];
        BigIntegers.asUnsignedByteArray(signature[0], joined, 0, COORDINATE_BYTES);
        BigIntegers.asUnsignedByteArray(signature[1], joined, COORDINATE_BYTES, COORDINATE_BYTES);
        return Base64URL.encode(joined);
    }

    @Override
    public Set<JWSAlgorithm> supportedJWSAlgorithms() {
        return Set.of(JWSAlgorithm.ES256);
    }

    /** Nimbus asks every signer for one; this signer uses no JCA provider, so nothing reads it. */
    @Override
    public JCAContext getJCAContext() {
        return jcaContext;
    }

    private static byte[] sha256(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }
}
