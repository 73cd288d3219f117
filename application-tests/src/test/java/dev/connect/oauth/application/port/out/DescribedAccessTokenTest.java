package dev.connect.oauth.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.connect.oauth.domain.AccessToken;
import dev.connect.oauth.domain.Account;
import dev.connect.oauth.testkit.testdata.TestAccounts;
import dev.connect.oauth.testkit.testdata.TestClients;
import dev.connect.oauth.testkit.testdata.TestGrants;
import dev.connect.oauth.testkit.testdata.TestTokens;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DescribedAccessTokenTest {
    private final Account account = TestAccounts.customer().build();
    private final AccessToken token = TestTokens.access(TestGrants.of(TestClients.confidential().build(), account))
            .build();

    @Test
    void whenAccountIsTheTokensThenKept() {
        assertThat(new DescribedAccessToken(token, Optional.of(account)).account()).contains(account);
        assertThat(new DescribedAccessToken(token, Optional.empty()).account()).isEmpty();
    }

    @Test
    void whenAccountIsAnotherThenRejected() {
        Optional<Account> other = Optional.of(TestAccounts.customer().build());

        assertThatThrownBy(() -> new DescribedAccessToken(token, other)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void whenTokenHasNoAccountThenAnAccountIsRejected() {
        AccessToken clientToken = TestTokens.access(TestGrants.forClient(TestClients.confidential().build())).build();

        assertThatThrownBy(() -> new DescribedAccessToken(clientToken, Optional.of(account)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void whenNullThenRejected() {
        assertThatThrownBy(() -> new DescribedAccessToken(null, Optional.empty()))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new DescribedAccessToken(token, null)).isInstanceOf(NullPointerException.class);
    }
}
