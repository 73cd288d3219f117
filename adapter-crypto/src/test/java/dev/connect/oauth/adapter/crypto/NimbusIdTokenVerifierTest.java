package dev.connect.oauth.adapter.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connect.oauth.adapter.memory.InMemoryPorts;
import dev.connect.oauth.application.port.out.IdTokenClaims;
import dev.connect.oauth.application.port.out.VerifiedIdToken;
import dev.connect.oauth.testkit.testdata.MutableClock;
import dev.connect.oauth.domain.ClientId;
import dev.connect.oauth.domain.ScopeSet;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NimbusIdTokenVerifierTest {
    private final MutableClock clock = new MutableClock();
    private final SigningKeys keys = TestSigningKeys.node(InMemoryPorts.create().signingKeys(), clock);

    private String idToken() {
        Instant now = clock.instant();
        return keys.idTokenSigner().sign(new IdTokenClaims("https://issuer.example", "account-1",
                new ClientId("client-1"), now, now.plusSeconds(60), Optional.empty(), Optional.empty(), "hash"));
    }

    @Test
    void verifyWhenSignedHereThenIssuerSubjectAndClient() {
        assertThat(keys.idTokenVerifier().verify(idToken()))
                .hasValue(new VerifiedIdToken("https://issuer.example", "account-1", new ClientId("client-1")));
    }

    @Test
    void verifyWhenExpiredThenStillVerified() {
        String token = idToken();
        clock.advance(java.time.Duration.ofHours(2));

        assertThat(keys.idTokenVerifier().verify(token)).isPresent();
    }

    @Test
    void verifyWhenTamperedMalformedOrAnAccessTokenThenEmpty() {
        String token = idToken();
        String[] parts = token.split("\\.");
        String tampered = parts[0] + "." + parts[1].substring(0, parts[1].length() - 2) + "AA." + parts[2];
        String accessToken = keys.codec().encode(TestClaims.issuedAt(clock.instant(), ScopeSet.EMPTY));

        assertThat(keys.idTokenVerifier().verify(tampered)).isEmpty();
        assertThat(keys.idTokenVerifier().verify("not.a.jwt")).isEmpty();
        assertThat(keys.idTokenVerifier().verify(accessToken)).isEmpty();
    }

    @Test
    void verifyWhenSignedByAnotherServerThenEmpty() {
        SigningKeys elsewhere = TestSigningKeys.node(InMemoryPorts.create().signingKeys(), clock);
        Instant now = clock.instant();
        String foreign = elsewhere.idTokenSigner().sign(new IdTokenClaims("https://issuer.example", "account-1",
                new ClientId("client-1"), now, now.plusSeconds(60), Optional.empty(), Optional.empty(), "hash"));

        assertThat(keys.idTokenVerifier().verify(foreign)).isEmpty();
    }
}
