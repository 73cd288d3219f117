package dev.connect.oauth.application.port.in;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConsentDecisionTest {
    @Test
    void parseWhenApproveOrDenyThenThatDecision() {
        assertThat(ConsentDecision.parse("approve")).containsInstanceOf(ConsentDecision.Approve.class);
        assertThat(ConsentDecision.parse("deny")).containsInstanceOf(ConsentDecision.Deny.class);
        assertThat(ConsentDecision.parse("approve")).contains(ConsentDecision.APPROVE);
        assertThat(ConsentDecision.parse("deny")).contains(ConsentDecision.DENY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Approve", "DENY", "yes", "approve ", "accept", "reject"})
    void parseWhenAnythingElseThenEmpty(String value) {
        assertThat(ConsentDecision.parse(value)).isEmpty();
    }

    @Test
    void parseWhenNullThenNullPointerException() {
        assertThatNullPointerException().isThrownBy(() -> ConsentDecision.parse(null)).withMessage("value");
    }

    @Test
    void decisionsWhenSameKindThenEqual() {
        assertThat(new ConsentDecision.Approve()).isEqualTo(ConsentDecision.APPROVE).isNotEqualTo(ConsentDecision.DENY);
    }
}
