package dev.connect.oauth.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.connect.oauth.application.port.in.RequestSource;
import dev.connect.oauth.application.port.in.SignInCommand;
import dev.connect.oauth.application.port.in.SignOutUseCase;
import dev.connect.oauth.application.port.in.SignedIn;
import dev.connect.oauth.application.testdata.TestApplication;
import dev.connect.oauth.domain.Account;
import dev.connect.oauth.testkit.testdata.TestAccounts;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SignOutServiceTest {
    private final Scenario scenario = new Scenario();
    private final TestApplication app = scenario.app;
    private final Account account = scenario.customer();
    private final SignOutUseCase signOut = app.signOut;

    @Test
    void signOutWhenSignedInThenTheSessionNoLongerResolves() {
        SignedIn session = app.signIn.signIn(new SignInCommand(Optional.of(account.email().value()), Optional.of(TestAccounts.PASSWORD), RequestSource.UNKNOWN));

        signOut.signOut(Optional.of(session.sessionToken()));

        assertThat(app.resolveSession.resolve(Optional.of(session.sessionToken()))).isEmpty();
    }

    @Test
    void signOutWhenNoOrUnknownSessionThenNothingHappens() {
        assertThatCode(() -> {
            signOut.signOut(Optional.empty());
            signOut.signOut(Optional.of(""));
            signOut.signOut(Optional.of("unknown-session"));
        }).doesNotThrowAnyException();
    }
}
