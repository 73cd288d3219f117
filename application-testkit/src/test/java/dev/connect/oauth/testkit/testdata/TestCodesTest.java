package dev.connect.oauth.testkit.testdata;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connect.oauth.domain.AuthorizationCode;
import dev.connect.oauth.domain.Grant;
import dev.connect.oauth.domain.PkceChallenge;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TestCodesTest {

    @Test
    void verifierThenAnswersTheChallenge() {
        assertThat(PkceChallenge.s256(TestCodes.VERIFIER)).isEqualTo(TestCodes.CHALLENGE);
    }

    @Test
    void buildThenACodeTheClientCanRedeemWithTheVerifier() {
        Grant grant = TestGrants.of(TestClients.publicClient().build(), TestAccounts.customer().build());
        TestCodes.Builder builder = TestCodes.from(grant);

        AuthorizationCode code = builder.build();

        assertThat(code.hash()).isEqualTo(TestIds.hashOf(builder.value()));
        code.checkRedemption(grant.clientId(), Optional.of(TestClients.REDIRECT_URI), Optional.of(TestCodes.VERIFIER),
                MutableClock.START);
    }
}
