package dev.connect.oauth.adapter.crypto;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.connect.oauth.application.port.out.IdTokenVerifier;
import dev.connect.oauth.application.port.out.VerifiedIdToken;
import dev.connect.oauth.domain.ClientId;
import dev.connect.oauth.domain.OAuthException;
import java.text.ParseException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Verifies ID tokens this server signed ({@code typ} {@code JWT}, so an access token never
 * passes) with the key ring's published keys, the ones the JWK Set shows.
 *
 * @see <a href="https://openid.net/specs/openid-connect-rpinitiated-1_0.html#RPLogout">OpenID Connect RP-Initiated Logout 1.0 §2</a>
 */
final class NimbusIdTokenVerifier implements IdTokenVerifier {
    private final KeyRing keys;

    NimbusIdTokenVerifier(KeyRing keys) {
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    @Override
    public Optional<VerifiedIdToken> verify(String idToken) {
        Objects.requireNonNull(idToken, "idToken");
        try {
            SignedJWT jwt = SignedJWT.parse(idToken);
            if (!JOSEObjectType.JWT.equals(jwt.getHeader().getType())) {
                return Optional.empty();
            }
            String kid = jwt.getHeader().getKeyID();
            Optional<JWK> key = keys.publishedKeys().stream().filter(jwk -> jwk.getKeyID().equals(kid)).findFirst();
            if (key.isEmpty() || !(key.get() instanceof ECKey ec) || !jwt.verify(new ECDSAVerifier(ec))) {
                return Optional.empty();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            List<String> audience = claims.getAudience();
            if (claims.getIssuer() == null || claims.getSubject() == null || audience.size() != 1) {
                return Optional.empty();
            }
            return Optional.of(new VerifiedIdToken(claims.getIssuer(), claims.getSubject(),
                    ClientId.parse(audience.getFirst())));
        } catch (ParseException | JOSEException | OAuthException notOurs) {
            // Whatever the reason, the token is not one this server signed.
            return Optional.empty();
        }
    }
}
