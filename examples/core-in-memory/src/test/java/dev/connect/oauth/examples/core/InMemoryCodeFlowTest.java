package dev.connect.oauth.examples.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InMemoryCodeFlowTest {
    @Test
    void runThenTheRefreshedTokenStandsForTheUserAndTheReplayIsRejected() {
        InMemoryCodeFlow.Outcome outcome = InMemoryCodeFlow.run();

        assertThat(outcome.user()).isEqualTo("Jane Doe");
        assertThat(outcome.scope()).isEqualTo("connect");
        assertThat(outcome.replayedRefreshRejected()).isTrue();
    }
}
