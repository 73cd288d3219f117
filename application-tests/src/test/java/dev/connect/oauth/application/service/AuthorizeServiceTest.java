package dev.connect.oauth.application.service;

import static dev.connect.oauth.application.service.Scenario.STATE;
import static dev.connect.oauth.application.service.Scenario.exchange;
import static dev.connect.oauth.application.service.Scenario.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.connect.oauth.application.port.in.AuthorizationDenied;
import dev.connect.oauth.application.port.in.AuthorizationGranted;
import dev.connect.oauth.application.port.in.AuthorizationRedirectException;
import dev.connect.oauth.application.port.in.AuthorizationRequest;
import dev.connect.oauth.application.port.in.AuthorizationResponse;
import dev.connect.oauth.application.port.in.AuthorizeCommand;
import dev.connect.oauth.application.port.in.Connection;
import dev.connect.oauth.application.port.in.ConsentDecision;
import dev.connect.oauth.application.port.in.TokenResponse;
import dev.connect.oauth.application.port.out.AuditEvent;
import dev.connect.oauth.application.port.out.AuditEventType;
import dev.connect.oauth.testkit.testdata.TestAccounts;
import dev.connect.oauth.testkit.testdata.TestClients;
import dev.connect.oauth.domain.Account;
import dev.connect.oauth.domain.Client;
import dev.connect.oauth.domain.ErrorCode;
import dev.connect.oauth.domain.OAuthException;
import dev.connect.oauth.domain.RedirectUri;
import dev.connect.oauth.domain.ScopeSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AuthorizeServiceTest {
    private final Scenario scenario = new Scenario();
    private final Client client = scenario.publicClient();
    private final Account account = scenario.customer();

    @Test
    void authorizeWhenApprovedThenCodeForRedirectUriWithState() {
        AuthorizationResponse response = scenario.app.authorize.authorize(new AuthorizeCommand(request(client),
                account.id(), ConsentDecision.APPROVE));

        assertThat(response).isInstanceOf(AuthorizationGranted.class);
        AuthorizationGranted granted = (AuthorizationGranted) response;

        assertThat(granted.redirectUri()).isEqualTo(new RedirectUri(TestClients.REDIRECT_URI));
        assertThat(granted.state()).contains(STATE);
        // RFC 6749 §10.10: at least 128 bits; the generator gives 256 as 43 base64url characters.
        assertThat(granted.code()).hasSize(8 + 43);
        assertThat(granted.toString()).doesNotContain(granted.code());
    }

    @Test
    void authorizeWhenApprovedThenGrantRecordedForAccountClientAndScopes() {
        scenario.app.authorize.authorize(new AuthorizeCommand(request(client), account.id(), ConsentDecision.APPROVE));

        List<Connection> connections = scenario.app.listConnections.list(Scenario.principal(account));
        assertThat(connections).singleElement().satisfies(connection -> {
            assertThat(connection.clientId()).isEqualTo(client.id());
            assertThat(connection.scopes()).isEqualTo(ScopeSet.parse("connect triggers"));
        });
        List<AuditEvent> events = scenario.app.ports.audit().recent(10);
        assertThat(events).extracting(AuditEvent::type).containsExactly(AuditEventType.AUTHORIZATION_GRANTED);
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
        AuthorizationRequest badScope = new AuthorizationRequest(Optional.of("code"), Optional.of(client.id().value()),
                Optional.of(TestClients.REDIRECT_URI), Optional.of("tests"), Optional.of(STATE), Optional.empty(), Optional.empty(), List.of());
        AuthorizationRequest unknownClient = new AuthorizationRequest(Optional.of("code"), Optional.of("nobody"), Optional.of(TestClients.REDIRECT_URI),
                Optional.of("connect"), Optional.of(STATE), Optional.empty(), Optional.empty(), List.of());

        assertThatThrownBy(() -> scenario.app.authorize.authorize(new AuthorizeCommand(badScope, account.id(), ConsentDecision.APPROVE)))
                .isInstanceOfSatisfying(AuthorizationRedirectException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_SCOPE));
        assertThatThrownBy(() -> scenario.app.authorize.authorize(new AuthorizeCommand(unknownClient, account.id(), ConsentDecision.APPROVE)))
                .isInstanceOfSatisfying(OAuthException.class, e -> {
                    assertThat(e).isNotInstanceOf(AuthorizationRedirectException.class);
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_REQUEST);
                });
    }

    @Test
    void authorizeWhenAccountUnknownThenRedirectsAccessDenied() {
        Account stranger = TestAccounts.customer().build();

        assertThatThrownBy(() -> scenario.app.authorize.authorize(new AuthorizeCommand(request(client),
                stranger.id(), ConsentDecision.APPROVE)))
                .isInstanceOfSatisfying(AuthorizationRedirectException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.ACCESS_DENIED));
    }

    @Test
    void authorizeWhenDeniedThenAccessDeniedForRedirectUriWithStateAndNothingRecorded() {
        AuthorizationResponse response = scenario.app.authorize.authorize(new AuthorizeCommand(request(client),
                account.id(), ConsentDecision.DENY));

        assertThat(response).isEqualTo(new AuthorizationDenied(new RedirectUri(TestClients.REDIRECT_URI),
                Optional.of(STATE)));
        assertThat(scenario.app.listConnections.list(Scenario.principal(account))).isEmpty();
        assertThat(scenario.app.ports.audit().recent(10)).isEmpty();
    }

    @Test
    void authorizeWhenDeniedButRequestInvalidThenTheRequestsErrorNotAccessDenied() {
        AuthorizationRequest badScope = Scenario.request(client, "tests");

        assertThatThrownBy(() -> scenario.app.authorize.authorize(new AuthorizeCommand(badScope, account.id(),
                ConsentDecision.DENY)))
                .isInstanceOfSatisfying(AuthorizationRedirectException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_SCOPE));
    }

    @Test
    void authorizeWhenParameterRepeatedThenCheckedInTheSameCall() {
        Map<String, String> parameters = request(client).parameters();
        AuthorizationRequest repeated = AuthorizationRequest.of(name -> Optional.ofNullable(parameters.get(name)),
                List.of("scope"));

        assertThatThrownBy(() -> scenario.app.authorize.authorize(new AuthorizeCommand(repeated, account.id(),
                ConsentDecision.APPROVE)))
                .isInstanceOfSatisfying(AuthorizationRedirectException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_REQUEST);
                    assertThat(e.description()).isEqualTo("Parameter scope must not be repeated.");
                    assertThat(e.state()).contains(STATE);
                });
        assertThat(scenario.app.listConnections.list(Scenario.principal(account))).isEmpty();
    }
}
