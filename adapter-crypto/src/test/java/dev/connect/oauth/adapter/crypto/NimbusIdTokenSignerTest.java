package dev.connect.oauth.adapter.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.connect.oauth.adapter.memory.InMemoryPorts;
import dev.connect.oauth.application.port.out.IdTokenClaims;
import dev.connect.oauth.application.port.out.SigningKeyRepository;
import dev.connect.oauth.testkit.testdata.MutableClock;
import dev.connect.oauth.domain.ClientId;
import dev.connect.oauth.domain.ScopeSet;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NimbusIdTokenSignerTest {
    private final MutableClock clock = new MutableClock();
    private final SigningKeyRepository repository = InMemoryPorts.create().signingKeys();
    private final SigningKeys keys = TestSigningKeys.node(repository, clock);

    private IdTokenClaims claims(Optional<Instant> authTime, Optional<String> nonce) {
        Instant now = clock.instant();
        return new IdTokenClaims("https://issuer.example", "account-1", new ClientId("client-1"), now,
                now.plusSeconds(3600), authTime, nonce, "77QmUPtjPfzWtF2AnpK9RQ");
    }

    @Test
    void signThenEs256JwtWithTheAccessTokensKidVerifiedByThePublishedKeys() throws Exception {
        String accessToken = keys.codec().encode(TestClaims.issuedAt(clock.instant(), ScopeSet.EMPTY));

        SignedJWT idToken = SignedJWT.parse(keys.idTokenSigner().sign(claims(Optional.empty(), Optional.empty())));

        assertThat(idToken.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        assertThat(idToken.getHeader().getType()).isEqualTo(JOSEObjectType.JWT);
        assertThat(idToken.getHeader().getKeyID()).isEqualTo(ResourceServer.kidOf(accessToken));
        ECKey published = (ECKey) JWKSet.parse(keys.codec().publicJwkSetJson()).getKeyByKeyId(idToken.getHeader().getKeyID());
        assertThat(idToken.verify(new ECDSAVerifier(published))).isTrue();
    }

    @Test
    void signThenCoreClaims() throws Exception {
        Instant signedIn = clock.instant().minusSeconds(120);

        JWTClaimsSet claims = SignedJWT.parse(keys.idTokenSigner().sign(claims(Optional.of(signedIn),
                Optional.of("n-0S6")))).getJWTClaimsSet();

        assertThat(claims.getIssuer()).isEqualTo("https://issuer.example");
        assertThat(claims.getSubject()).isEqualTo("account-1");
        assertThat(claims.getAudience()).isEqualTo(List.of("client-1"));
        assertThat(claims.getStringClaim("azp")).isEqualTo("client-1");
        assertThat(claims.getIssueTime()).isEqualTo(Date.from(clock.instant()));
        assertThat(claims.getExpirationTime()).isEqualTo(Date.from(clock.instant().plusSeconds(3600)));
        assertThat(claims.getLongClaim("auth_time")).isEqualTo(signedIn.getEpochSecond());
        assertThat(claims.getStringClaim("nonce")).isEqualTo("n-0S6");
        assertThat(claims.getStringClaim("at_hash")).isEqualTo("77QmUPtjPfzWtF2AnpK9RQ");
    }

    @Test
    void signWhenNoAuthTimeOrNonceThenClaimsLeftOut() throws Exception {
        JWTClaimsSet claims = SignedJWT.parse(keys.idTokenSigner().sign(claims(Optional.empty(), Optional.empty())))
                .getJWTClaimsSet();

        assertThat(claims.getClaims()).doesNotContainKeys("auth_time", "nonce");
    }
}
