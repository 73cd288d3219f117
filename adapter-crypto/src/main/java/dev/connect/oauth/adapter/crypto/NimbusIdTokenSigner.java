package dev.connect.oauth.adapter.crypto;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.connect.oauth.application.port.out.IdTokenClaims;
import dev.connect.oauth.application.port.out.IdTokenSigner;
import java.util.Date;
import java.util.Objects;

/**
 * ID tokens signed by Nimbus JOSE+JWT with the key ring's current key, the one that signs access
 * tokens, so the same JWK Set verifies both. The header says {@code typ} {@code JWT}, not the
 * access token's {@code at+jwt}, so neither can pass for the other (RFC 8725 §3.11).
 *
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#IDToken">OpenID Connect Core 1.0 §2</a>
 */
final class NimbusIdTokenSigner implements IdTokenSigner {
    private final KeyRing keys;

    NimbusIdTokenSigner(KeyRing keys) {
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    @Override
    public String sign(IdTokenClaims claims) {
        Objects.requireNonNull(claims, "claims");
        ParsedSigningKey key = keys.signingKey();
        JWSHeader header = new JWSHeader.Builder(key.header()).type(JOSEObjectType.JWT).build();
        SignedJWT token = new SignedJWT(header, claimsSet(claims));
        try {
            token.sign(key.signer());
        } catch (JOSEException e) {
            throw new IllegalStateException("Signing an ID token with key " + key.kid() + " failed", e);
        }
        return token.serialize();
    }

    /** Core §2 claims; {@code azp} names the client, the one audience, as Core §2 allows. */
    private static JWTClaimsSet claimsSet(IdTokenClaims claims) {
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder()
                .issuer(claims.issuer())
                .subject(claims.subject())
                .audience(claims.audience().value())
                .claim("azp", claims.audience().value())
                .issueTime(Date.from(claims.issuedAt()))
                .expirationTime(Date.from(claims.expiresAt()))
                .claim("at_hash", claims.accessTokenHash());
        claims.authTime().ifPresent(time -> builder.claim("auth_time", time.getEpochSecond()));
        claims.nonce().ifPresent(nonce -> builder.claim("nonce", nonce));
        return builder.build();
    }
}
