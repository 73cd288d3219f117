package dev.connect.oauth.adapter.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.connect.oauth.application.port.out.ClientAssertion;
import dev.connect.oauth.domain.ErrorCode;
import dev.connect.oauth.domain.OAuthException;
import java.time.Instant;
import java.util.Date;
import org.junit.jupiter.api.Test;

class NimbusClientAssertionCodecTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private final NimbusClientAssertionCodec codec = new NimbusClientAssertionCodec();

    @Test
    void decodeWhenSignedJwtThenHeaderAndClaims() throws JOSEException {
        ECKey key = ec("k1");

        ClientAssertion assertion = codec.decode(sign(key, JWSAlgorithm.ES256)).orElseThrow();

        assertThat(assertion.algorithm()).isEqualTo("ES256");
        assertThat(assertion.keyId()).contains("k1");
        assertThat(assertion.issuer()).contains("client-1");
        assertThat(assertion.subject()).contains("client-1");
        assertThat(assertion.audience()).containsExactly("https://issuer.example.com");
        assertThat(assertion.expiresAt()).contains(NOW.plusSeconds(60));
        assertThat(assertion.issuedAt()).contains(NOW);
        assertThat(assertion.jwtId()).contains("jti-1");
        assertThat(assertion.toString()).doesNotContain(assertion.compact());
    }

    @Test
    void decodeWhenNotASignedJwtThenEmpty() {
        assertThat(codec.decode("garbage")).isEmpty();
        assertThat(codec.decode(new PlainJWT(claims()).serialize())).isEmpty();
    }

    @Test
    void verifyWhenSignedByRegisteredEcOrRsaKeyThenTrue() throws JOSEException {
        ECKey ec = ec("k1");
        RSAKey rsa = new RSAKeyGenerator(2048).keyID("r1").generate();
        String jwks = new JWKSet(java.util.List.of(ec.toPublicJWK(), rsa.toPublicJWK())).toString();

        assertThat(codec.verify(codec.decode(sign(ec, JWSAlgorithm.ES256)).orElseThrow(), jwks)).isTrue();
        assertThat(codec.verify(codec.decode(signRsa(rsa, JWSAlgorithm.PS256)).orElseThrow(), jwks)).isTrue();
    }

    @Test
    void verifyWhenAnotherKeyOrKidOrBadSetThenFalse() throws JOSEException {
        ECKey registered = ec("k1");
        ECKey other = ec("k1");
        String jwks = new JWKSet(registered.toPublicJWK()).toString();

        assertThat(codec.verify(codec.decode(sign(other, JWSAlgorithm.ES256)).orElseThrow(), jwks)).isFalse();
        assertThat(codec.verify(codec.decode(sign(ec("k2"), JWSAlgorithm.ES256)).orElseThrow(), jwks)).isFalse();
        assertThat(codec.verify(codec.decode(sign(registered, JWSAlgorithm.ES256)).orElseThrow(), "not json")).isFalse();
    }

    @Test
    void verifyWhenKeyMarkedForEncryptionOrHmacThenFalse() throws JOSEException {
        ECKey encryption = new ECKeyGenerator(Curve.P_256).keyID("k1").keyUse(KeyUse.ENCRYPTION).generate();
        SignedJWT hmac = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).build(), claims());
        hmac.sign(new MACSigner("0123456789abcdef0123456789abcdef"));

        assertThat(codec.verify(codec.decode(sign(encryption, JWSAlgorithm.ES256)).orElseThrow(),
                new JWKSet(encryption.toPublicJWK()).toString())).isFalse();
        assertThat(codec.verify(codec.decode(hmac.serialize()).orElseThrow(),
                "{\"keys\":[{\"kty\":\"oct\",\"k\":\"MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY\"}]}")).isFalse();
    }

    @Test
    void requirePublicKeysWhenPublicKeysThenAccepted() throws JOSEException {
        codec.requirePublicKeys(new JWKSet(ec("k1").toPublicJWK()).toString());
    }

    @Test
    void requirePublicKeysWhenPrivateSymmetricSmallEmptyOrNotASetThenInvalidClientMetadata() throws JOSEException {
        for (String jwks : new String[] {
                new JWKSet(ec("k1")).toJSONObject(false).toString(),
                new JWKSet(ec("k1")).toString(false),
                "{\"keys\":[{\"kty\":\"oct\",\"k\":\"MDEyMzQ1Njc4OWFiY2RlZg\"}]}",
                new JWKSet(new RSAKeyGenerator(1024, true).generate().toPublicJWK()).toString(),
                "{\"keys\":[]}", "[]", "not json"}) {
            assertThatThrownBy(() -> codec.requirePublicKeys(jwks)).as(jwks).isInstanceOfSatisfying(OAuthException.class,
                    e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_CLIENT_METADATA));
        }
    }

    @Test
    void containsKeyWhenKidPresentThenTrue() throws JOSEException {
        String jwks = new JWKSet(ec("k1").toPublicJWK()).toString();

        assertThat(codec.containsKey(jwks, "k1")).isTrue();
        assertThat(codec.containsKey(jwks, "k2")).isFalse();
        assertThat(codec.containsKey("garbage", "k1")).isFalse();
    }

    @Test
    void verifyWithSecretWhenMacKeyedWithTheSecretThenTrueForEveryHmacAlg() throws JOSEException {
        String secret = "s".repeat(86);
        for (JWSAlgorithm alg : new JWSAlgorithm[] {JWSAlgorithm.HS256, JWSAlgorithm.HS384, JWSAlgorithm.HS512}) {
            assertThat(codec.verifyWithSecret(codec.decode(mac(secret, alg)).orElseThrow(), secret)).as(alg.getName()).isTrue();
        }
    }

    @Test
    void verifyWithSecretWhenWrongSecretOrShortSecretOrAsymmetricOrNoneThenFalse() throws JOSEException {
        String secret = "s".repeat(86);
        ClientAssertion hs256 = codec.decode(mac(secret, JWSAlgorithm.HS256)).orElseThrow();
        ECKey key = ec("k1");

        assertThat(codec.verifyWithSecret(hs256, "t".repeat(86))).isFalse();
        // 43 octets key HS256 but not HS512 (RFC 7518 §3.2): Nimbus refuses, never a shorter key.
        String shortSecret = "s".repeat(43);
        assertThat(codec.verifyWithSecret(codec.decode(mac(shortSecret, JWSAlgorithm.HS256)).orElseThrow(), shortSecret)).isTrue();
        assertThat(codec.verifyWithSecret(codec.decode(mac(secret, JWSAlgorithm.HS512)).orElseThrow(), shortSecret)).isFalse();
        assertThat(codec.verifyWithSecret(codec.decode(sign(key, JWSAlgorithm.ES256)).orElseThrow(), secret)).isFalse();
        assertThat(codec.decode(new PlainJWT(claims()).serialize())).isEmpty();
        // An HMAC assertion never verifies through a JWK Set, even one holding the secret as an oct key.
        assertThat(codec.verify(hs256, "{\"keys\":[{\"kty\":\"oct\",\"k\":\"" + java.util.Base64.getUrlEncoder()
                .withoutPadding().encodeToString(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "\"}]}")).isFalse();
    }

    private static String mac(String secret, JWSAlgorithm alg) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(alg).build(), claims());
        jwt.sign(new MACSigner(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        return jwt.serialize();
    }

    private static ECKey ec(String kid) throws JOSEException {
        return new ECKeyGenerator(Curve.P_256).keyID(kid).generate();
    }

    private static String sign(ECKey key, JWSAlgorithm alg) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(alg).keyID(key.getKeyID()).build(), claims());
        jwt.sign(new ECDSASigner(key));
        return jwt.serialize();
    }

    private static String signRsa(RSAKey key, JWSAlgorithm alg) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(alg).keyID(key.getKeyID()).build(), claims());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static JWTClaimsSet claims() {
        return new JWTClaimsSet.Builder().issuer("client-1").subject("client-1").audience("https://issuer.example.com")
                .expirationTime(Date.from(NOW.plusSeconds(60))).issueTime(Date.from(NOW)).jwtID("jti-1").build();
    }
}
