package dev.connect.oauth.adapter.crypto;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.connect.oauth.application.port.out.ClientAssertion;
import dev.connect.oauth.application.port.out.ClientAssertionCodec;
import dev.connect.oauth.domain.ClientAuthSettings;
import dev.connect.oauth.domain.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Client assertions and client JWK Sets with Nimbus JOSE: RSA (at least 2048 bits) and EC keys,
 * the algorithms of {@link ClientAuthSettings#SIGNING_ALGORITHMS}, a key chosen by {@code kid} when
 * the assertion names one. Keys marked for encryption never verify. HMAC assertions
 * ({@code client_secret_jwt}) verify with the octets of the client secret's UTF-8 form, which
 * Nimbus refuses when shorter than the hash (RFC 7518 §3.2).
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7523#section-2.2">RFC 7523 §2.2</a>
 */
final class NimbusClientAssertionCodec implements ClientAssertionCodec {
    /** A client needs a few keys to rotate, not a key store. */
    static final int MAX_KEYS = 10;
    private static final int MIN_RSA_BITS = 2048;

    @Override
    public Optional<ClientAssertion> decode(String jwt) {
        Objects.requireNonNull(jwt, "jwt");
        try {
            SignedJWT signed = SignedJWT.parse(jwt);
            JWTClaimsSet claims = signed.getJWTClaimsSet();
            return Optional.of(new ClientAssertion(jwt, signed.getHeader().getAlgorithm().getName(),
                    Optional.ofNullable(signed.getHeader().getKeyID()), Optional.ofNullable(claims.getIssuer()),
                    Optional.ofNullable(claims.getSubject()), claims.getAudience(), instant(claims.getExpirationTime()),
                    instant(claims.getIssueTime()), instant(claims.getNotBeforeTime()), Optional.ofNullable(claims.getJWTID())));
        } catch (ParseException | RuntimeException notAJwt) {
            return Optional.empty();
        }
    }

    @Override
    public boolean verify(ClientAssertion assertion, String jwkSet) {
        Objects.requireNonNull(assertion, "assertion");
        try {
            SignedJWT signed = SignedJWT.parse(assertion.compact());
            JWSAlgorithm alg = signed.getHeader().getAlgorithm();
            if (!ClientAuthSettings.SIGNING_ALGORITHMS.contains(alg.getName())) {
                return false;
            }
            for (JWK key : JWKSet.parse(jwkSet).getKeys()) {
                if (assertion.keyId().filter(kid -> !kid.equals(key.getKeyID())).isPresent()
                        || KeyUse.ENCRYPTION.equals(key.getKeyUse())) {
                    continue;
                }
                Optional<JWSVerifier> verifier = verifier(key, alg);
                if (verifier.isPresent() && signed.verify(verifier.get())) {
                    return true;
                }
            }
            return false;
        } catch (ParseException | JOSEException | RuntimeException unverifiable) {
            return false;
        }
    }

    @Override
    public boolean verifyWithSecret(ClientAssertion assertion, String secret) {
        Objects.requireNonNull(assertion, "assertion");
        Objects.requireNonNull(secret, "secret");
        try {
            SignedJWT signed = SignedJWT.parse(assertion.compact());
            return ClientAuthSettings.HMAC_ALGORITHMS.contains(signed.getHeader().getAlgorithm().getName())
                    && signed.verify(new MACVerifier(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (ParseException | JOSEException | RuntimeException unverifiable) {
            return false;
        }
    }

    @Override
    public boolean containsKey(String jwkSet, String keyId) {
        try {
            return JWKSet.parse(jwkSet).getKeyByKeyId(keyId) != null;
        } catch (ParseException | RuntimeException unparsable) {
            return false;
        }
    }

    @Override
    public void requirePublicKeys(String jwkSet) {
        List<JWK> keys;
        try {
            keys = JWKSet.parse(jwkSet).getKeys();
        } catch (ParseException | RuntimeException unparsable) {
            throw ErrorCode.INVALID_CLIENT_METADATA.exception("jwks is not a JWK Set (RFC 7517 §5).");
        }
        if (keys.isEmpty() || keys.size() > MAX_KEYS) {
            throw ErrorCode.INVALID_CLIENT_METADATA.exception("jwks must hold 1 to " + MAX_KEYS + " keys.");
        }
        for (JWK key : keys) {
            if (key.isPrivate()) {
                throw ErrorCode.INVALID_CLIENT_METADATA.exception(
                        "jwks must hold public keys only: a private key never leaves the client.");
            }
            if (!(key instanceof RSAKey || key instanceof ECKey)) {
                throw ErrorCode.INVALID_CLIENT_METADATA.exception("jwks keys must be RSA or EC keys.");
            }
            if (key instanceof RSAKey rsa && rsa.size() < MIN_RSA_BITS) {
                throw ErrorCode.INVALID_CLIENT_METADATA.exception("RSA keys must have at least " + MIN_RSA_BITS + " bits.");
            }
        }
    }

    private static Optional<JWSVerifier> verifier(JWK key, JWSAlgorithm alg) throws JOSEException {
        if (key instanceof RSAKey rsa && JWSAlgorithm.Family.RSA.contains(alg) && rsa.size() >= MIN_RSA_BITS) {
            return Optional.of(new RSASSAVerifier(rsa));
        }
        if (key instanceof ECKey ec && JWSAlgorithm.Family.EC.contains(alg)
                && com.nimbusds.jose.jwk.Curve.forJWSAlgorithm(alg).contains(ec.getCurve())) {
            return Optional.of(new ECDSAVerifier(ec));
        }
        return Optional.empty();
    }

    private static Optional<Instant> instant(Date date) {
        return Optional.ofNullable(date).map(Date::toInstant);
    }
}
