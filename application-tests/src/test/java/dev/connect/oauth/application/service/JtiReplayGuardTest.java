package dev.connect.oauth.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connect.oauth.adapter.memory.InMemoryPorts;
import dev.connect.oauth.application.port.out.StorePorts;
import dev.connect.oauth.application.service.JtiReplayGuard.Kind;
import dev.connect.oauth.testkit.fake.FakeSecretHasher;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class JtiReplayGuardTest {
    private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");
    private static final Instant UNTIL = NOW.plusSeconds(60);

    private final StorePorts store = InMemoryPorts.create();
    private final JtiReplayGuard guard = new JtiReplayGuard(store.jtis(), new FakeSecretHasher());

    @Test
    void firstUseWhenSeenBeforeThenFalse() {
        assertThat(guard.firstUse(Kind.DPOP_PROOF, "thumbprint", "jti-1", NOW, UNTIL)).isTrue();

        assertThat(guard.firstUse(Kind.DPOP_PROOF, "thumbprint", "jti-1", NOW.plusSeconds(1), UNTIL)).isFalse();
    }

    @Test
    void firstUseWhenSameJtiOfAnotherIssuerOrKindThenTrue() {
        guard.firstUse(Kind.DPOP_PROOF, "thumbprint", "jti-1", NOW, UNTIL);

        assertThat(guard.firstUse(Kind.DPOP_PROOF, "other-key", "jti-1", NOW, UNTIL)).isTrue();
        assertThat(guard.firstUse(Kind.CLIENT_ASSERTION, "thumbprint", "jti-1", NOW, UNTIL)).isTrue();
    }

    @Test
    void firstUseWhenIssuerAndJtiSplitDifferentlyThenNoClash() {
        guard.firstUse(Kind.CLIENT_ASSERTION, "client a", "1", NOW, UNTIL);

        assertThat(guard.firstUse(Kind.CLIENT_ASSERTION, "client", "a 1", NOW, UNTIL)).isTrue();
    }

    @Test
    void firstUseWhenTheEarlierUseExpiredThenTrueAgain() {
        guard.firstUse(Kind.DPOP_PROOF, "thumbprint", "jti-1", NOW, UNTIL);

        assertThat(guard.firstUse(Kind.DPOP_PROOF, "thumbprint", "jti-1", UNTIL, UNTIL.plusSeconds(60))).isTrue();
    }
}
