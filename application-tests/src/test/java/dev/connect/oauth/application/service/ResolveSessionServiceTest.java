package dev.connect.oauth.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connect.oauth.application.port.in.RequestSource;
import dev.connect.oauth.application.port.in.SignInCommand;
import dev.connect.oauth.application.testdata.TestApplication;
import dev.connect.oauth.domain.Account;
import dev.connect.oauth.testkit.testdata.TestAccounts;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ResolveSessionServiceTest {
    private final Scenario scenario = new Scenario();
    private final TestApplication app = scenario.app;
    private final Account account = scenario.customer();
    private final String session = app.signIn.signIn(new SignInCommand(Optional.of(account.email().value()),
            Optional.of(TestAccounts.PASSWORD), RequestSource.UNKNOWN)).sessionToken();

    @Test
    void resolveWhenSessionActiveThenAccount() {
        app.clock.advance(app.policy.sessionTtl().minus(Duration.ofSeconds(1)));

        assertThat(app.resolveSession.resolve(Optional.ofNullable(session))).contains(account);
    }

    @Test
    void resolveWhenCookieAbsentBlankOrUnknownThenEmpty() {
        assertThat(app.resolveSession.resolve(Optional.empty())).isEmpty();
        assertThat(app.resolveSession.resolve(Optional.of(""))).isEmpty();
        assertThat(app.resolveSession.resolve(Optional.of("not-a-session"))).isEmpty();
    }

    @Test
    void resolveWhenSessionExpiredThenEmptyAndForgotten() {
        app.clock.advance(app.policy.sessionTtl());

        assertThat(app.resolveSession.resolve(Optional.ofNullable(session))).isEmpty();
        assertThat(app.ports.sessions().findByHash(app.secretHasher.hash(session))).isEmpty();
    }
}
