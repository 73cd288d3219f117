package dev.connect.oauth.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connect.oauth.application.port.in.RequestSource;
import dev.connect.oauth.application.testdata.TestApplication;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ClientFailureLimitServiceTest {
    private static final RequestSource ATTACKER = new RequestSource("203.0.113.9");
    private static final RequestSource CLIENT_HOST = new RequestSource("192.0.2.10");

    private final TestApplication app = new TestApplication();
    private final int limit = app.limits.clientFailuresPerSource();

    @Test
    void recordFailureWhenLimitReachedThenThatPairWaitsUntilTheWindowEnds() {
        for (int i = 1; i < limit; i++) {
            assertThat(app.clientFailures.recordFailure("victim", ATTACKER)).isEmpty();
        }
        assertThat(app.clientFailures.waitBefore("victim", ATTACKER)).isEmpty();

        assertThat(app.clientFailures.recordFailure("victim", ATTACKER)).contains(app.limits.clientFailureWindow());

        assertThat(app.clientFailures.waitBefore("victim", ATTACKER)).contains(app.limits.clientFailureWindow());
        app.clock.advance(app.limits.clientFailureWindow());
        assertThat(app.clientFailures.waitBefore("victim", ATTACKER)).isEmpty();
    }

    @Test
    void whenAttackerBlockedThenTheSameClientFromAnotherSourceAndOtherClientsAreNot() {
        for (int i = 0; i < limit; i++) {
            app.clientFailures.recordFailure("victim", ATTACKER);
        }

        assertThat(app.clientFailures.waitBefore("victim", ATTACKER)).isPresent();
        assertThat(app.clientFailures.waitBefore("victim", CLIENT_HOST)).isEmpty();
        assertThat(app.clientFailures.waitBefore("other", ATTACKER)).isEmpty();
    }

    @Test
    void whenAnotherNodeCountedTheFailuresThenThisNodeBlocksAtItsOwnNextFailure() {
        ClientFailureLimitService otherNode = new ClientFailureLimitService(app.ports.attempts(), app.secretHasher,
                app.limits, app.clock);
        for (int i = 0; i < limit; i++) {
            otherNode.recordFailure("victim", ATTACKER);
        }
        assertThat(app.clientFailures.waitBefore("victim", ATTACKER)).isEmpty();

        app.clock.advance(Duration.ofSeconds(1));

        assertThat(app.clientFailures.recordFailure("victim", ATTACKER))
                .contains(app.limits.clientFailureWindow().minusSeconds(1));
        assertThat(app.clientFailures.waitBefore("victim", ATTACKER)).isPresent();
    }
}
