package dev.connect.oauth.testkit.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import dev.connect.oauth.application.port.out.IdTokenClaims;
import dev.connect.oauth.application.port.out.VerifiedIdToken;
import dev.connect.oauth.domain.ClientId;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FakeIdTokenSignerTest {
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final IdTokenClaims CLAIMS = new IdTokenClaims("http://localhost", "account-1",
            new ClientId("client-1"), NOW, NOW.plusSeconds(60), Optional.of(NOW), Optional.of("n-1"), "hash");

    @Test
    void signThenEveryTokenDifferentAndItsClaimsRemembered() {
        FakeIdTokenSigner signer = new FakeIdTokenSigner();

        String first = signer.sign(CLAIMS);
        String second = signer.sign(CLAIMS);

        assertThat(first).isNotEqualTo(second);
        assertThat(signer.claimsOf(first)).hasValue(CLAIMS);
        assertThat(signer.claimsOf("unknown")).isEmpty();
        assertThatNullPointerException().isThrownBy(() -> signer.sign(null));
        assertThat(signer.verify(first)).hasValue(new VerifiedIdToken("http://localhost", "account-1",
                new ClientId("client-1")));
        assertThat(signer.verify("unknown")).isEmpty();
    }
}
