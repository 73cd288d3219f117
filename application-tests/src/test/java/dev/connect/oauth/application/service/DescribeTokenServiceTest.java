package dev.connect.oauth.application.service;

import static dev.connect.oauth.testkit.testdata.OAuthAssertions.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.connect.oauth.application.port.in.AuthorizationRequest;
import dev.connect.oauth.application.port.in.AuthorizeCommand;
import dev.connect.oauth.application.port.in.ConsentDecision;
import dev.connect.oauth.application.port.in.TokenInfo;
import dev.connect.oauth.application.port.in.TokenResponse;
import dev.connect.oauth.application.testdata.TestApplication;
import dev.connect.oauth.domain.Account;
import dev.connect.oauth.domain.Client;
import dev.connect.oauth.domain.ErrorCode;
import dev.connect.oauth.domain.OAuthException;
import dev.connect.oauth.testkit.testdata.TestClients;
import dev.connect.oauth.testkit.testdata.TestCodes;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DescribeTokenServiceTest {
    private final Scenario scenario = new Scenario();
    private final TestApplication app = scenario.app;
    private final Client client = scenario.publicClient();
    private final Account account = scenario.customer();
    private final TokenResponse tokens = scenario.tokens(client, account);

    @Test
    void describeWhenTokenActiveWithConnectThenAccountClientAndScope() {
        TokenInfo info = app.describeToken.describe(Optional.of(tokens.accessToken()));

        assertThat(info.account()).isEqualTo(account);
        assertThat(info.clientId()).isEqualTo(client.id());
        assertThat(info.scope()).isEqualTo(tokens.scope());
    }

    @Test
    void describeWhenTokenMissingOrBlankThenInvalidToken() {
        assertRejected(() -> app.describeToken.describe(Optional.empty()), ErrorCode.INVALID_TOKEN);
        assertRejected(() -> app.describeToken.describe(Optional.of(" ")), ErrorCode.INVALID_TOKEN);
    }

    @Test
    void describeWhenTokenForgedThenInvalidToken() {
        assertRejected(() -> app.describeToken.describe(Optional.of(tokens.accessToken() + "x")), ErrorCode.INVALID_TOKEN);
        assertRejected(() -> app.describeToken.describe(Optional.of(tokens.refreshToken().orElseThrow())), ErrorCode.INVALID_TOKEN);
    }

    @Test
    void describeWhenTokenExpiredThenInvalidToken() {
        app.clock.advance(app.policy.accessTokenTtl());

        assertRejected(() -> app.describeToken.describe(Optional.of(tokens.accessToken())), ErrorCode.INVALID_TOKEN);
    }

    @Test
    void describeWhenTokenLivesOneMoreSecondThenStillDescribed() {
        app.clock.advance(app.policy.accessTokenTtl().minus(Duration.ofSeconds(1)));

        assertThat(app.describeToken.describe(Optional.of(tokens.accessToken())).account()).isEqualTo(account);
    }

    @Test
    void describeWhenTokenRevokedThenInvalidToken() {
        app.invalidateToken.invalidate(Optional.of(tokens.accessToken()));

        assertRejected(() -> app.describeToken.describe(Optional.of(tokens.accessToken())), ErrorCode.INVALID_TOKEN);
    }

    @Test
    void describeWhenTokenLacksConnectThenInsufficientScope() {
        String code = scenario.approve(Scenario.request(client, "triggers"), account);
        TokenResponse narrow = app.exchangeCode.exchange(Scenario.exchange(client, code));

        assertRejected(() -> app.describeToken.describe(Optional.of(narrow.accessToken())), ErrorCode.INSUFFICIENT_SCOPE);
        OAuthException rejected = catchThrowableOfType(OAuthException.class,
                () -> app.describeToken.describe(Optional.of(narrow.accessToken())));
        assertThat(rejected.description()).isEqualTo("Missing Scope.");
    }
}
