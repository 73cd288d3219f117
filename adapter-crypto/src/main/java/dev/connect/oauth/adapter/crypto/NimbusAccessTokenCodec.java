package dev.connect.oauth.adapter.crypto;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimNames;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.connect.oauth.application.port.out.AccessTokenClaims;
import dev.connect.oauth.application.port.out.AccessTokenCodec;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * JWT access tokens (RFC 9068) signed by Nimbus JOSE+JWT with the key ring's current key.
 * Thread-safe: the signer and header come parsed from the key ring, so a token costs one
 * signature and no key parsing.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9068#section-2">RFC 9068 §2</a>
 */
final class NimbusAccessTokenCodec implements AccessTokenCodec {
    private final KeyRing keys;

    NimbusAccessTokenCodec(KeyRing keys) {
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    @Override
    public String encode(AccessTokenClaims claims) {
        Objects.requireNonNull(claims, "claims");
        ParsedSigningKey key = keys.signingKey();
        // Neither a claims set nor a Payload made from a map keeps the claims' order: the payload
        // is written as text from a map that does.
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put(JWTClaimNames.JWT_ID, claims.jti().value());
        payload.putAll(claimsSet(claims).toJSONObject());
        JWSObject token = new JWSObject(key.header(), new Payload(JSONObjectUtils.toJSONString(payload)));
        try {
            token.sign(key.signer());
        } catch (JOSEException e) {
            throw new IllegalStateException("Signing an access token with key " + key.kid() + " failed", e);
        }
        return token.serialize();
    }

    @Override
    public String publicJwkSetJson() {
        // The keys are public already; asking for public members only guards against a regression.
        return new JWKSet(keys.publishedKeys()).toString(true);
    }

    /** The RFC 9068 §2.2 claims; {@code scope} is left out when empty, as there is nothing granted to name. */
    private static JWTClaimsSet claimsSet(AccessTokenClaims claims) {
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder()
                .issuer(claims.issuer())
                .subject(claims.subject())
                .audience(claims.audience())
                .claim("client_id", claims.clientId().value())
                .jwtID(claims.jti().value())
                .issueTime(Date.from(claims.issuedAt()))
                .expirationTime(Date.from(claims.expiresAt()));
        if (!claims.scopes().isEmpty()) {
            builder.claim("scope", claims.scopes().toString());
        }
        // RFC 9449 §6.1: a DPoP-bound token names its key's thumbprint.
        claims.confirmationKey().ifPresent(key -> builder.claim("cnf", Map.of("jkt", key.value())));
        return builder.build();
    }
}
