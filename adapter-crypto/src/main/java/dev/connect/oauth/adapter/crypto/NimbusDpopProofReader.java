package dev.connect.oauth.adapter.crypto;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.connect.oauth.application.port.out.DpopProofReader;
import dev.connect.oauth.domain.DpopProof;
import dev.connect.oauth.domain.JwkThumbprint;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.text.ParseException;
import java.util.Date;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads DPoP proofs with Nimbus: the JOSE header and the claims are parsed by hand (not through
 * {@code SignedJWT}, which refuses a private {@code jwk} before it can be reported as such), the
 * thumbprint is RFC 7638's, and the signature is checked with the header's own key: ES256 on P-256,
 * RS256 and PS256 with a modulus of at least 2048 bits, EdDSA on Ed25519 (with the JDK, since
 * Nimbus needs Tink for it). A header with {@code crit} is refused: no extension is understood.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9449#section-4.3">RFC 9449 §4.3</a>
 */
final class NimbusDpopProofReader implements DpopProofReader {
    /** A proof is a few hundred bytes; a much larger header is not one. */
    private static final int MAX_LENGTH = 8192;
    private static final int MIN_RSA_BITS = 2048;
    /** The DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410 §4), before the 32 key bytes. */
    private static final byte[] ED25519_SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    @Override
    public Optional<DpopProof> read(String jwt) {
        Objects.requireNonNull(jwt, "jwt");
        if (jwt.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        String[] parts = jwt.split("\\.", -1);
        if (parts.length != 3 || parts[2].isEmpty()) {
            return Optional.empty();
        }
        try {
            Map<String, Object> header = JSONObjectUtils.parse(new Base64URL(parts[0]).decodeToString());
            String algorithm = JSONObjectUtils.getString(header, "alg");
            Map<String, Object> jwkMembers = JSONObjectUtils.getJSONObject(header, "jwk");
            if (algorithm == null || jwkMembers == null || header.containsKey("crit")) {
                return Optional.empty();
            }
            JWK jwk = JWK.parse(jwkMembers);
            JWTClaimsSet claims = JWTClaimsSet.parse(new Base64URL(parts[1]).decodeToString());
            byte[] signingInput = (parts[0] + '.' + parts[1]).getBytes(StandardCharsets.US_ASCII);
            boolean verified = verifies(algorithm, jwk, signingInput, new Base64URL(parts[2]));
            return Optional.of(new DpopProof(Optional.ofNullable(JSONObjectUtils.getString(header, "typ")), algorithm,
                    new JwkThumbprint(jwk.computeThumbprint("SHA-256").toString()), jwk.isPrivate(), verified,
                    Optional.ofNullable(claims.getStringClaim("htm")), Optional.ofNullable(claims.getStringClaim("htu")),
                    Optional.ofNullable(claims.getIssueTime()).map(Date::toInstant),
                    Optional.ofNullable(claims.getStringClaim("jti")), Optional.ofNullable(claims.getStringClaim("ath")),
                    Optional.ofNullable(claims.getStringClaim("nonce"))));
        } catch (ParseException | JOSEException | IllegalArgumentException | IllegalStateException notAProof) {
            return Optional.empty();
        }
    }

    /** Whether the signature verifies with {@code jwk} under {@code algorithm}, which must suit the key. */
    private static boolean verifies(String algorithm, JWK jwk, byte[] signingInput, Base64URL signature) {
        try {
            return switch (algorithm) {
                case "ES256" -> jwk instanceof ECKey ec && Curve.P_256.equals(ec.getCurve())
                        && verify(new ECDSAVerifier(ec.toECPublicKey()), JWSAlgorithm.ES256, signingInput, signature);
                case "RS256", "PS256" -> jwk instanceof RSAKey rsa && rsa.size() >= MIN_RSA_BITS
                        && verify(new RSASSAVerifier(rsa.toRSAPublicKey()), JWSAlgorithm.parse(algorithm), signingInput,
                        signature);
                case "EdDSA" -> jwk instanceof OctetKeyPair okp && Curve.Ed25519.equals(okp.getCurve())
                        && verifyEd25519(okp, signingInput, signature.decode());
                default -> false;
            };
        } catch (JOSEException | GeneralSecurityException | RuntimeException unusable) {
            return false;
        }
    }

    private static boolean verify(JWSVerifier verifier, JWSAlgorithm algorithm, byte[] signingInput,
                                  Base64URL signature) throws JOSEException {
        return verifier.verify(new JWSHeader(algorithm), signingInput, signature);
    }

    private static boolean verifyEd25519(OctetKeyPair key, byte[] signingInput, byte[] signature)
            throws GeneralSecurityException {
        byte[] x = key.getX().decode();
        if (x.length != 32 || signature.length != 64) {
            return false;
        }
        byte[] spki = new byte[ED25519_SPKI_PREFIX.length + x.length];
        System.arraycopy(ED25519_SPKI_PREFIX, 0, spki, 0, ED25519_SPKI_PREFIX.length);
        System.arraycopy(x, 0, spki, ED25519_SPKI_PREFIX.length, x.length);
        PublicKey publicKey = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(publicKey);
        verifier.update(signingInput);
        return verifier.verify(signature);
    }
}
