package dev.connect.oauth.application.service;

import static dev.connect.oauth.testkit.testdata.OAuthAssertions.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import dev.connect.oauth.application.port.in.AuthorizationRequest;
import dev.connect.oauth.application.port.in.AuthorizeCommand;
import dev.connect.oauth.application.port.in.Connection;
import dev.connect.oauth.application.port.in.ConsentDecision;
import dev.connect.oauth.application.port.in.Principal;
import dev.connect.oauth.application.port.in.TokenResponse;
import dev.connect.oauth.application.port.out.AuditEvent;
import dev.connect.oauth.application.port.out.AuditEventType;
import dev.connect.oauth.testkit.testdata.MutableClock;
import dev.connect.oauth.application.testdata.TestApplication;
import dev.connect.oauth.domain.Account;
import dev.connect.oauth.domain.Client;
import dev.connect.oauth.domain.ErrorCode;
import dev.connect.oauth.domain.ScopeSet;
import dev.connect.oauth.testkit.testdata.TestClients;
import dev.connect.oauth.testkit.testdata.TestCodes;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link ListConnectionsService} and {@link DisconnectClientService}. */
class ConnectionServicesTest {
    private final Scenario scenario = new Scenario();
    private final TestApplication app = scenario.app;
    private final Client calendar = scenario.add(TestClients.publicClient().name("Calendar").build());
    private final Client mail = scenario.add(TestClients.publicClient().name("Mail").build());
    private final Account account = scenario.customer();
    private final Principal caller = Scenario.principal(account);

    @Test
    void listWhenSeveralGrantsToOneClientThenOneConnectionWithUnionOfScopesSinceTheFirst() {
        authorize(calendar, "triggers");
        app.clock.advance(Duration.ofMinutes(5));
        authorize(calendar, "connect");
        authorize(mail, "connect");

        assertThat(app.listConnections.list(caller)).containsExactly(
                new Connection(calendar.id(), "Calendar", ScopeSet.parse("connect triggers"), MutableClock.START),
                new Connection(mail.id(), "Mail", ScopeSet.parse("connect"),
                        MutableClock.START.plus(Duration.ofMinutes(5))));
    }

    @Test
    void listWhenNothingAuthorisedThenEmpty() {
        authorize(calendar, "connect");

        assertThat(app.listConnections.list(Scenario.principal(scenario.customer()))).isEmpty();
    }

    @Test
    void listWhenClientDeletedThenItsConnectionLeftOut() {
        authorize(calendar, "connect");
        authorize(mail, "connect");

        app.ports.clients().remove(calendar.id(), app.clock.instant());

        assertThat(app.listConnections.list(caller)).extracting(Connection::clientId).containsExactly(mail.id());
    }

    @Test
    void disconnectWhenConnectedThenTokensAndConnectionGone() {
        TokenResponse tokens = scenario.tokens(calendar, account);
        TokenResponse mailTokens = scenario.tokens(mail, account);

        app.disconnectClient.disconnect(caller, calendar.id().value());

        assertRejected(() -> app.describeToken.describe(Optional.of(tokens.accessToken())), ErrorCode.INVALID_TOKEN);
        assertRejected(() -> scenario.refresh(calendar, tokens.refreshToken().orElseThrow()), ErrorCode.INVALID_GRANT);
        assertThat(app.describeToken.describe(Optional.of(mailTokens.accessToken())).account()).isEqualTo(account);
        assertThat(app.listConnections.list(caller)).extracting(Connection::clientId).containsExactly(mail.id());
        assertThat(app.ports.audit().recent(1)).extracting(AuditEvent::type)
                .containsExactly(AuditEventType.CLIENT_DISCONNECTED);
    }

    @Test
    void disconnectWhenNotConnectedThenNotFound() {
        assertRejected(() -> app.disconnectClient.disconnect(caller, calendar.id().value()), ErrorCode.NOT_FOUND);
    }

    @Test
    void disconnectWhenAlreadyDisconnectedThenNotFound() {
        authorize(calendar, "connect");
        app.disconnectClient.disconnect(caller, calendar.id().value());

        assertRejected(() -> app.disconnectClient.disconnect(caller, calendar.id().value()), ErrorCode.NOT_FOUND);
    }

    @Test
    void disconnectWhenClientIdMalformedOrAbsentThenNotFound() {
        assertRejected(() -> app.disconnectClient.disconnect(caller, "no such id"), ErrorCode.NOT_FOUND);
        assertRejected(() -> app.disconnectClient.disconnect(caller, ""), ErrorCode.NOT_FOUND);
    }

    @Test
    void disconnectWhenAnotherAccountIsConnectedThenItsGrantLives() {
        Account other = scenario.customer();
        TokenResponse othersTokens = scenario.tokens(calendar, other);
        authorize(calendar, "connect");

        app.disconnectClient.disconnect(caller, calendar.id().value());

        assertThat(app.describeToken.describe(Optional.of(othersTokens.accessToken())).account()).isEqualTo(other);
    }

    private void authorize(Client client, String scope) {
        scenario.approve(Scenario.request(client, scope), account);
    }
}
