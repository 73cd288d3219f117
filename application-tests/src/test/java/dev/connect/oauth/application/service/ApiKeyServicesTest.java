package dev.connect.oauth.application.service;

import static dev.connect.oauth.testkit.testdata.OAuthAssertions.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import dev.connect.oauth.application.port.in.NewApiKey;
import dev.connect.oauth.application.port.in.Principal;
import dev.connect.oauth.application.port.out.AuditEvent;
import dev.connect.oauth.application.port.out.AuditEventType;
import dev.connect.oauth.application.testdata.TestApplication;
import dev.connect.oauth.domain.ApiKey;
import dev.connect.oauth.domain.ApiKeyId;
import dev.connect.oauth.domain.ErrorCode;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link IssueApiKeyService} and {@link RevokeApiKeyService}: an account manages its own keys. */
class ApiKeyServicesTest {
    private final Scenario scenario = new Scenario();
    private final TestApplication app = scenario.app;
    private final NewApiKey first = app.issueApiKey.issue(Scenario.principal(scenario.customer()));
    private final Principal caller = app.authenticateApiKey.authenticate(Optional.of(first.key().value()));

    @Test
    void issueWhenCalledThenAnotherWorkingKeyShownOnce() {
        NewApiKey second = app.issueApiKey.issue(caller);

        assertThat(second.key()).isNotEqualTo(first.key());
        assertThat(second.key().value()).matches(ApiKey.PREFIX + "[A-Za-z0-9_-]{43}");
        assertThat(second.issued().hash()).isEqualTo(app.secretHasher.hash(second.key().value()));
        assertThat(app.authenticateApiKey.authenticate(Optional.of(second.key().value())).account()).isEqualTo(caller.account());
        assertThat(app.authenticateApiKey.authenticate(Optional.of(first.key().value())).account()).isEqualTo(caller.account());
        assertThat(app.ports.audit().recent(10)).extracting(AuditEvent::detail)
                .noneMatch(detail -> detail.contains(second.key().value()));
    }

    @Test
    void revokeWhenOwnKeyThenItStopsWorkingAndOthersLive() {
        NewApiKey second = app.issueApiKey.issue(caller);

        app.revokeApiKey.revoke(caller, second.issued().id());

        assertRejected(() -> app.authenticateApiKey.authenticate(Optional.of(second.key().value())), ErrorCode.INVALID_API_KEY);
        assertThat(app.authenticateApiKey.authenticate(Optional.of(first.key().value())).account()).isEqualTo(caller.account());
        assertThat(app.ports.audit().recent(1)).extracting(AuditEvent::type)
                .containsExactly(AuditEventType.API_KEY_REVOKED);
    }

    @Test
    void revokeWhenTheKeyInUseThenAllowed() {
        app.revokeApiKey.revoke(caller, caller.apiKeyId());

        assertRejected(() -> app.authenticateApiKey.authenticate(Optional.of(first.key().value())), ErrorCode.INVALID_API_KEY);
    }

    @Test
    void revokeWhenKeyUnknownThenNotFound() {
        assertRejected(() -> app.revokeApiKey.revoke(caller, new ApiKeyId("no-such-key")), ErrorCode.NOT_FOUND);
    }

    @Test
    void revokeWhenKeyOfAnotherAccountThenNotFoundAndKeyLives() {
        NewApiKey othersKey = app.issueApiKey.issue(Scenario.principal(scenario.customer()));

        assertRejected(() -> app.revokeApiKey.revoke(caller, othersKey.issued().id()), ErrorCode.NOT_FOUND);

        assertThat(app.authenticateApiKey.authenticate(Optional.of(othersKey.key().value())).account().id())
                .isEqualTo(othersKey.issued().accountId());
    }

    @Test
    void revokeWhenAlreadyRevokedThenNotFound() {
        NewApiKey second = app.issueApiKey.issue(caller);
        app.revokeApiKey.revoke(caller, second.issued().id());

        assertRejected(() -> app.revokeApiKey.revoke(caller, second.issued().id()), ErrorCode.NOT_FOUND);
    }
}
