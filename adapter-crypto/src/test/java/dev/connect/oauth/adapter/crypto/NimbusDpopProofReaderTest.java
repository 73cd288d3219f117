package dev.connect.oauth.adapter.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.connect.oauth.application.port.out.DpopProofReader;
import dev.connect.oauth.domain.DpopProof;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NimbusDpopProofReaderTest {
    private static final Instant IAT = Instant.parse("2026-12-02T10:00:00Z");
    private final DpopProofReader reader = CryptoAdapter.dpopProofReader();

    private static JWTClaimsSet claims() {
        return new JWTClaimsSet.Builder().jwtID("jti-1").claim("htm", "POST")
                .claim("htu", "https://id.example.com/oauth/token").issueTime(Date.from(IAT))
                .claim("ath", "fUHyO2r2Z3DZ53EsNrWBb0xWXoaNy59IiKCAqksmQEo").claim("nonce", "n-1").build();
    }

    private static String sign(JWK publicJwk, JWSAlgorithm alg, JWSSigner signer) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(alg).type(new JOSEObjectType("dpop+jwt")).jwk(publicJwk)
                .build(), claims());
        jwt.sign(signer);
        return jwt.serialize();
    }

    @Test
    void readWhenEs256ProofThenEveryClaimTheThumbprintAndAVerifiedSignature() throws Exception {
        ECKey key = new ECKeyGenerator(Curve.P_256).generate();

        DpopProof proof = reader.read(sign(key.toPublicJWK(), JWSAlgorithm.ES256, new ECDSASigner(key))).orElseThrow();

        assertThat(proof.type()).contains("dpop+jwt");
        assertThat(proof.algorithm()).isEqualTo("ES256");
        assertThat(proof.key().value()).isEqualTo(key.computeThumbprint().toString());
        assertThat(proof.privateKeyIncluded()).isFalse();
        assertThat(proof.signatureVerified()).isTrue();
        assertThat(proof.method()).contains("POST");
        assertThat(proof.uri()).contains("https://id.example.com/oauth/token");
        assertThat(proof.issuedAt()).contains(IAT);
        assertThat(proof.jti()).contains("jti-1");
        assertThat(proof.accessTokenHash()).contains("fUHyO2r2Z3DZ53EsNrWBb0xWXoaNy59IiKCAqksmQEo");
        assertThat(proof.nonce()).contains("n-1");
    }

    @Test
    void readWhenRs256OrPs256ProofThenVerified() throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).generate();

        assertThat(reader.read(sign(key.toPublicJWK(), JWSAlgorithm.RS256, new RSASSASigner(key))).orElseThrow()
                .signatureVerified()).isTrue();
        assertThat(reader.read(sign(key.toPublicJWK(), JWSAlgorithm.PS256, new RSASSASigner(key))).orElseThrow()
                .signatureVerified()).isTrue();
    }

    @Test
    void readWhenRsaKeyShorterThan2048BitsThenNotVerified() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(1024);
        KeyPair pair = generator.generateKeyPair();
        RSAKey key = new RSAKey.Builder((java.security.interfaces.RSAPublicKey) pair.getPublic())
                .privateKey(pair.getPrivate()).build();
        RSASSASigner signer = new RSASSASigner(pair.getPrivate(), true);

        assertThat(reader.read(sign(key.toPublicJWK(), JWSAlgorithm.RS256, signer)).orElseThrow().signatureVerified())
                .isFalse();
    }

    @Test
    void readWhenEdDsaProofThenVerifiedWithTheJdk() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        byte[] spki = pair.getPublic().getEncoded();
        OctetKeyPair jwk = new OctetKeyPair.Builder(Curve.Ed25519,
                Base64URL.encode(Arrays.copyOfRange(spki, spki.length - 32, spki.length))).build();
        String header = new JWSHeader.Builder(JWSAlgorithm.EdDSA).type(new JOSEObjectType("dpop+jwt")).jwk(jwk).build()
                .toBase64URL().toString();
        String payload = Base64URL.encode(claims().toString()).toString();
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(pair.getPrivate());
        signer.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
        String jwt = header + "." + payload + "." + Base64URL.encode(signer.sign());

        DpopProof proof = reader.read(jwt).orElseThrow();

        assertThat(proof.algorithm()).isEqualTo("EdDSA");
        assertThat(proof.signatureVerified()).isTrue();
        assertThat(proof.key().value()).isEqualTo(jwk.computeThumbprint().toString());
    }

    @Test
    void readWhenSignedByAnotherKeyThenNotVerified() throws Exception {
        ECKey key = new ECKeyGenerator(Curve.P_256).generate();
        ECKey other = new ECKeyGenerator(Curve.P_256).generate();

        assertThat(reader.read(sign(key.toPublicJWK(), JWSAlgorithm.ES256, new ECDSASigner(other))).orElseThrow()
                .signatureVerified()).isFalse();
    }

    @Test
    void readWhenAlgDoesNotSuitTheKeyThenNotVerified() throws Exception {
        ECKey p384 = new ECKeyGenerator(Curve.P_384).generate();

        assertThat(reader.read(sign(p384.toPublicJWK(), JWSAlgorithm.ES384, new ECDSASigner(p384))).orElseThrow()
                .signatureVerified()).isFalse();
    }

    @Test
    void readWhenSymmetricAlgThenReadButNotVerified() throws Exception {
        ECKey key = new ECKeyGenerator(Curve.P_256).generate();
        byte[] secret = new byte[32];

        DpopProof proof = reader.read(sign(key.toPublicJWK(), JWSAlgorithm.HS256, new MACSigner(secret))).orElseThrow();

        assertThat(proof.algorithm()).isEqualTo("HS256");
        assertThat(proof.signatureVerified()).isFalse();
    }

    @Test
    void readWhenJwkCarriesThePrivateKeyThenReportedAsSuch() throws Exception {
        ECKey key = new ECKeyGenerator(Curve.P_256).generate();
        Map<String, Object> header = Map.of("alg", "ES256", "typ", "dpop+jwt", "jwk", key.toJSONObject());
        String head = Base64URL.encode(com.nimbusds.jose.util.JSONObjectUtils.toJSONString(header)).toString();
        String payload = Base64URL.encode(claims().toString()).toString();
        Base64URL signature = new ECDSASigner(key).sign(new JWSHeader(JWSAlgorithm.ES256),
                (head + "." + payload).getBytes(StandardCharsets.US_ASCII));

        DpopProof proof = reader.read(head + "." + payload + "." + signature).orElseThrow();

        assertThat(proof.privateKeyIncluded()).isTrue();
    }

    @Test
    void readWhenNotAProofThenEmpty() throws Exception {
        ECKey key = new ECKeyGenerator(Curve.P_256).generate();
        SignedJWT noJwk = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).type(new JOSEObjectType("dpop+jwt"))
                .build(), claims());
        noJwk.sign(new ECDSASigner(key));
        SignedJWT badClaim = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).jwk(key.toPublicJWK()).build(),
                new JWTClaimsSet.Builder().claim("htm", 42).build());
        badClaim.sign(new ECDSASigner(key));

        assertThat(reader.read(noJwk.serialize())).isEmpty();
        assertThat(reader.read(badClaim.serialize())).isEmpty();
        assertThat(reader.read("not-a-jwt")).isEmpty();
        assertThat(reader.read("a.b.")).isEmpty();
        assertThat(reader.read("eyJhbGciOiJub25lIn0.e30.")).isEmpty();
        assertThat(reader.read("x".repeat(10_000))).isEmpty();
    }

    @Test
    void readWhenCritHeaderThenEmpty() throws Exception {
        ECKey key = new ECKeyGenerator(Curve.P_256).generate();
        SignedJWT crit = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).type(new JOSEObjectType("dpop+jwt"))
                .jwk(key.toPublicJWK()).criticalParams(java.util.Set.of("exp")).build(), claims());
        crit.sign(new ECDSASigner(key));

        assertThat(reader.read(crit.serialize())).isEqualTo(Optional.empty());
    }
}
