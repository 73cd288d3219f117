package dev.connect.oauth.application.service;

import static dev.connect.oauth.application.service.Scenario.STATE;
import static dev.connect.oauth.application.service.Scenario.exchange;
import static dev.connect.oauth.application.service.Scenario.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.connect.oauth.application.port.in.AuthorizationGranted;
import dev.connect.oauth.application.port.in.AuthorizationRedirectException;
import dev.connect.oauth.application.port.in.AuthorizationRequest;
import dev.connect.oauth.application.port.in.AuthorizeCommand;
import dev.connect.oauth.application.port.in.Connection;
import dev.connect.oauth.application.port.in.TokenResponse;
import dev.connect.oauth.application.port.out.AuditEvent;
import dev.connect.oauth.domain.Account;
import dev.connect.oauth.domain.Client;
import dev.connect.oauth.domain.ErrorCode;
import dev.connect.oauth.domain.OAuthException;
import dev.connect.oauth.domain.RedirectUri;
import dev.connect.oauth.domain.ScopeSet;
import dev.connect.oauth.testkit.testdata.TestAccounts;
import dev.connect.oauth.testkit.testdata.TestClients;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuthorizeServiceTest {
    private final Scenario scenario = new Scenario();
    private final Client client = scenario.publicClient();
    private final Account account = scenario.customer();

    @Test
    void authorizeWhenApprovedThenCodeForRedirectUriWithState() {
        AuthorizationGranted granted = scenario.app.authorize.authorize(new AuthorizeCommand(request(client),
                account.id()));

        assertThat(granted.redirectUri()).isEqualTo(new RedirectUri(TestClients.REDIRECT_URI));
        assertThat(granted.state()).contains(STATE);
        // RFC 6749 §10.10: at least 128 bits; the generator gives 256 as 43 base64url characters.
        assertThat(granted.code()).hasSize(43);
        assertThat(granted.toString()).doesNotContain(granted.code());
    }

    @Test
    void authorizeWhenApprovedThenGrantRecordedForAccountClientAndScopes() {
        scenario.app.authorize.authorize(new AuthorizeCommand(request(client), account.id()));

        List<Connection> connections = scenario.app.listConnections.list(Scenario.principal(account));
        assertThat(connections).singleElement().satisfies(connection -> {
            assertThat(connection.clientId()).isEqualTo(client.id());
            assertThat(connection.scopes()).isEqualTo(ScopeSet.parse("connect triggers"));
        });
        List<AuditEvent> events = scenario.app.ports.audit().recent(10);
        assertThat(events).extracting(AuditEvent::type).containsExactly(AuditTrail.AUTHORIZATION_GRANTED);
        assertThat(events.getFirst().accountId()).contains(account.id().value());
        assertThat(events.getFirst().clientId()).contains(client.id().value());
    }

    @Test
    void authorizeWhenCodeExchangedThenTokensCarryTheApprovedScopes() {
        String code = scenario.code(client, account);

        TokenResponse tokens = scenario.app.exchangeCode.exchange(exchange(client, code));

        assertThat(tokens.scope()).isEqualTo(ScopeSet.parse("connect triggers"));
    }

    @Test
    void authorizeWhenRequestInvalidThenSameRejectionAsTheCheck() {
        AuthorizationRequest badScope = new AuthorizationRequest("code", client.id().value(),
                TestClients.REDIRECT_URI, "tests", STATE, null, null);
        AuthorizationRequest unknownClient = new AuthorizationRequest("code", "nobody", TestClients.REDIRECT_URI,
                "connect", STATE, null, null);

        assertThatThrownBy(() -> scenario.app.authorize.authorize(new AuthorizeCommand(badScope, account.id())))
                .isInstanceOfSatisfying(AuthorizationRedirectException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_SCOPE));
        assertThatThrownBy(() -> scenario.app.authorize.authorize(new AuthorizeCommand(unknownClient, account.id())))
                .isInstanceOfSatisfying(OAuthException.class, e -> {
                    assertThat(e).isNotInstanceOf(AuthorizationRedirectException.class);
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_REQUEST);
                });
    }

    @Test
    void authorizeWhenAccountUnknownThenRedirectsAccessDenied() {
        Account stranger = TestAccounts.customer().build();

        assertThatThrownBy(() -> scenario.app.authorize.authorize(new AuthorizeCommand(request(client),
                stranger.id())))
                .isInstanceOfSatisfying(AuthorizationRedirectException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.ACCESS_DENIED));
    }
}
