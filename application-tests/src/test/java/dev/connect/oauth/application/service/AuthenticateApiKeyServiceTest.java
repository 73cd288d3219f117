package dev.connect.oauth.application.service;

import static dev.connect.oauth.testkit.testdata.OAuthAssertions.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import dev.connect.oauth.application.port.in.NewApiKey;
import dev.connect.oauth.application.port.in.Principal;
import dev.connect.oauth.application.testdata.TestApplication;
import dev.connect.oauth.domain.Account;
import dev.connect.oauth.domain.ApiKey;
import dev.connect.oauth.domain.ErrorCode;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AuthenticateApiKeyServiceTest {
    private final Scenario scenario = new Scenario();
    private final TestApplication app = scenario.app;
    private final Account account = scenario.customer();
    private final NewApiKey key = app.issueApiKey.issue(Scenario.principal(account));

    @Test
    void authenticateWhenKeyActiveThenAccountAndKeyId() {
        Principal principal = app.authenticateApiKey.authenticate(Optional.of(key.key().value()));

        assertThat(principal.account()).isEqualTo(account);
        assertThat(principal.apiKeyId()).isEqualTo(key.issued().id());
    }

    @Test
    void authenticateWhenHeaderAbsentThenApiKeyRequired() {
        assertRejected(() -> app.authenticateApiKey.authenticate(Optional.empty()), ErrorCode.API_KEY_REQUIRED);
        assertRejected(() -> app.authenticateApiKey.authenticate(Optional.of("")), ErrorCode.API_KEY_REQUIRED);
    }

    @Test
    void authenticateWhenNotInIssuedFormatThenMalformedApiKey() {
        assertRejected(() -> app.authenticateApiKey.authenticate(Optional.of("Bearer abc")), ErrorCode.MALFORMED_API_KEY);
        assertRejected(() -> app.authenticateApiKey.authenticate(Optional.of(key.key().value() + "x")),
                ErrorCode.MALFORMED_API_KEY);
    }

    @Test
    void authenticateWhenWellFormedButUnknownThenInvalidApiKey() {
        assertRejected(() -> app.authenticateApiKey.authenticate(Optional.of(ApiKey.PREFIX + "A".repeat(43))),
                ErrorCode.INVALID_API_KEY);
    }

    @Test
    void authenticateWhenKeyRevokedThenInvalidApiKey() {
        app.revokeApiKey.revoke(Scenario.principal(account), key.issued().id());

        assertRejected(() -> app.authenticateApiKey.authenticate(Optional.of(key.key().value())), ErrorCode.INVALID_API_KEY);
    }
}
