package dev.connect.oauth.adapter.crypto;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;

/** Checks access tokens as an RFC 9068 resource server does: offline, against a published JWK Set. */
final class ResourceServer {
    private ResourceServer() {
    }

    /**
     * The claims of {@code token} once its {@code typ} is {@code at+jwt} and its ES256 signature
     * verifies with a key of {@code jwkSetJson}; throws otherwise. Expiry is not checked: the
     * tokens carry times of the test clock, not of the wall clock.
     */
    static JWTClaimsSet verify(String token, String jwkSetJson) throws Exception {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType("at+jwt")));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.ES256,
                new ImmutableJWKSet<>(JWKSet.parse(jwkSetJson))));
        processor.setJWTClaimsSetVerifier((claims, context) -> { });
        return processor.process(token, null);
    }

    static String kidOf(String token) throws Exception {
        return SignedJWT.parse(token).getHeader().getKeyID();
    }
}
