package dev.connect.oauth.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.connect.oauth.application.port.in.AuthorizationRequest;
import dev.connect.oauth.application.port.in.AuthorizeCommand;
import dev.connect.oauth.application.port.in.EndSessionCommand;
import dev.connect.oauth.application.port.in.EndedSession;
import dev.connect.oauth.application.port.in.LogoutConfirmation;
import dev.connect.oauth.application.port.in.LogoutOutcome;
import dev.connect.oauth.application.port.in.RequestSource;
import dev.connect.oauth.application.port.in.SignInCommand;
import dev.connect.oauth.testkit.testdata.TestAccounts;
import dev.connect.oauth.application.testdata.TestApplication;
import dev.connect.oauth.testkit.testdata.TestClients;
import dev.connect.oauth.testkit.testdata.TestCodes;
import dev.connect.oauth.domain.Account;
import dev.connect.oauth.domain.Client;
import dev.connect.oauth.domain.ClientOpenIdSettings;
import dev.connect.oauth.domain.ErrorCode;
import dev.connect.oauth.domain.OAuthException;
import dev.connect.oauth.domain.RedirectUri;
import dev.connect.oauth.domain.SubjectType;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * RP-initiated logout: the hint, the post-logout URI of the hint's client, the session of the
 * hint's account; without a hint, the user's confirmation first.
 */
class EndSessionServiceTest {
    private final Scenario scenario = new Scenario();
    private final TestApplication app = scenario.app;
    private static final String POST_LOGOUT_URI = "https://app.example.com/signed-out";
    private final Client client = scenario.add(TestClients.confidential().openId(new ClientOpenIdSettings(
            List.of(RedirectUri.parse(POST_LOGOUT_URI)), SubjectType.PUBLIC, Optional.empty())).build());
    private final Account account = scenario.customer();

    private String idTokenOf(Account holder) {
        String code = scenario.approve(Scenario.request(client, "openid"), holder);
        return app.exchangeCode.exchange(Scenario.exchange(client, code)).idToken().orElseThrow();
    }

    private String sessionOf(Account holder) {
        return app.signIn.signIn(new SignInCommand(Optional.of(holder.email().value()), Optional.of(TestAccounts.PASSWORD), RequestSource.UNKNOWN))
                .sessionToken();
    }

    private EndedSession endSession(Optional<String> hint, Optional<String> redirect, Optional<String> session) {
        return (EndedSession) app.endSession.endSession(new EndSessionCommand(hint, Optional.empty(), redirect,
                Optional.of("st"), session));
    }

    private static void assertInvalidRequest(Runnable call) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(OAuthException.class,
                e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_REQUEST));
    }

    @Test
    void endSessionWhenHintOfTheSessionsAccountThenSessionEndedEverywhereAndRedirectWithState() {
        String session = sessionOf(account);

        EndedSession ended = endSession(Optional.of(idTokenOf(account)), Optional.of(POST_LOGOUT_URI),
                Optional.of(session));

        assertThat(ended.sessionEnded()).isTrue();
        assertThat(ended.postLogoutRedirectUri()).hasValue(RedirectUri.parse(POST_LOGOUT_URI));
        assertThat(ended.state()).hasValue("st");
        assertThat(app.resolveSignIn.signedIn(Optional.of(session))).isEmpty();
    }

    @Test
    void endSessionWhenNoPostLogoutUriThenNoRedirectAndNoState() {
        EndedSession ended = endSession(Optional.of(idTokenOf(account)), Optional.empty(), Optional.empty());

        assertThat(ended).isEqualTo(new EndedSession(false, Optional.empty(), Optional.empty()));
    }

    @Test
    void endSessionWhenSessionOfAnotherAccountThenLeftAlone() {
        Account other = scenario.customer();
        String session = sessionOf(other);

        EndedSession ended = endSession(Optional.of(idTokenOf(account)), Optional.empty(), Optional.of(session));

        assertThat(ended.sessionEnded()).isFalse();
        assertThat(app.resolveSignIn.signedIn(Optional.of(session))).isPresent();
    }

    @Test
    void endSessionWhenNeitherHintNorClientIdOrHintNotOursThenInvalidRequest() {
        assertInvalidRequest(() -> endSession(Optional.empty(), Optional.empty(), Optional.empty()));
        assertInvalidRequest(() -> endSession(Optional.of("not-an-id-token"), Optional.empty(), Optional.empty()));
        assertInvalidRequest(() -> withoutHint(Optional.of("no-such-client"), Optional.empty(), Optional.empty(), true));
    }

    @Test
    void endSessionWhenNoHintThenConfirmationAskedAndSessionKept() {
        String session = sessionOf(account);

        LogoutOutcome outcome = withoutHint(Optional.of(client.id().value()), Optional.of(POST_LOGOUT_URI),
                Optional.of(session), false);

        assertThat(outcome).isEqualTo(new LogoutConfirmation(client.name()));
        assertThat(app.resolveSignIn.signedIn(Optional.of(session))).isPresent();
    }

    @Test
    void endSessionWhenNoHintAndConfirmedThenSessionEndedAndRedirectWithState() {
        String session = sessionOf(account);

        LogoutOutcome outcome = withoutHint(Optional.of(client.id().value()), Optional.of(POST_LOGOUT_URI),
                Optional.of(session), true);

        assertThat(outcome).isEqualTo(new EndedSession(true, Optional.of(RedirectUri.parse(POST_LOGOUT_URI)),
                Optional.of("st")));
        assertThat(app.resolveSignIn.signedIn(Optional.of(session))).isEmpty();
    }

    @Test
    void endSessionWhenNoHintAndUriNotRegisteredThenInvalidRequestBeforeAnyQuestion() {
        assertInvalidRequest(() -> withoutHint(Optional.of(client.id().value()), Optional.of("https://attacker.example/"),
                Optional.empty(), false));
    }

    @Test
    void endSessionWhenPairwiseHintOfTheSessionsAccountThenSessionEnded() {
        Client pairwise = scenario.add(TestClients.confidential().openId(new ClientOpenIdSettings(
                List.of(RedirectUri.parse(POST_LOGOUT_URI)), SubjectType.PAIRWISE, Optional.empty())).build());
        String hint = app.exchangeCode.exchange(Scenario.exchange(pairwise,
                scenario.approve(Scenario.request(pairwise, "openid"), account))).idToken().orElseThrow();
        String session = sessionOf(account);
        String otherSession = sessionOf(scenario.customer());

        assertThat(endSession(Optional.of(hint), Optional.empty(), Optional.of(otherSession)).sessionEnded()).isFalse();
        assertThat(endSession(Optional.of(hint), Optional.empty(), Optional.of(session)).sessionEnded()).isTrue();
    }

    private LogoutOutcome withoutHint(Optional<String> clientId, Optional<String> redirect, Optional<String> session,
                                      boolean confirmed) {
        return app.endSession.endSession(new EndSessionCommand(Optional.empty(), clientId, redirect,
                Optional.of("st"), session, confirmed));
    }

    @Test
    void endSessionWhenPostLogoutUriNotRegisteredThenInvalidRequest() {
        String hint = idTokenOf(account);

        assertInvalidRequest(() -> endSession(Optional.of(hint), Optional.of("https://attacker.example/"), Optional.empty()));
    }

    @Test
    void endSessionWhenUriIsARedirectUriButNoPostLogoutUriThenInvalidRequest() {
        String hint = idTokenOf(account);

        assertInvalidRequest(() -> endSession(Optional.of(hint), Optional.of(TestClients.REDIRECT_URI), Optional.empty()));
    }

    @Test
    void endSessionWhenUriDiffersOnlyByLoopbackPortThenInvalidRequest() {
        Client loopback = scenario.add(TestClients.confidential().openId(new ClientOpenIdSettings(
                List.of(RedirectUri.parse("http://127.0.0.1:8000/bye")), SubjectType.PUBLIC, Optional.empty())).build());
        String hint = app.exchangeCode.exchange(Scenario.exchange(loopback,
                scenario.approve(Scenario.request(loopback, "openid"), account))).idToken().orElseThrow();

        assertInvalidRequest(() -> endSession(Optional.of(hint), Optional.of("http://127.0.0.1:9000/bye"), Optional.empty()));
        assertThat(endSession(Optional.of(hint), Optional.of("http://127.0.0.1:8000/bye"), Optional.empty())
                .postLogoutRedirectUri()).hasValue(RedirectUri.parse("http://127.0.0.1:8000/bye"));
    }

    @Test
    void endSessionWhenClientIdIsAnotherClientThenInvalidRequest() {
        String hint = idTokenOf(account);
        Client other = scenario.publicClient();

        assertInvalidRequest(() -> app.endSession.endSession(new EndSessionCommand(Optional.of(hint),
                Optional.of(other.id().value()), Optional.empty(), Optional.empty(), Optional.empty())));
    }
}
