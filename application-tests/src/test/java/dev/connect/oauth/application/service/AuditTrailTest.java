package dev.connect.oauth.application.service;

import static dev.connect.oauth.testkit.testdata.OAuthAssertions.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import dev.connect.oauth.application.port.in.CreateAccountCommand;
import dev.connect.oauth.application.port.in.CreatedAccount;
import dev.connect.oauth.application.port.in.Principal;
import dev.connect.oauth.application.port.in.RegisterClientCommand;
import dev.connect.oauth.application.port.in.RegisteredClient;
import dev.connect.oauth.application.port.in.RequestSource;
import dev.connect.oauth.application.port.in.SignInCommand;
import dev.connect.oauth.application.port.in.TokenResponse;
import dev.connect.oauth.application.port.out.AuditEvent;
import dev.connect.oauth.application.port.out.AuditEventType;
import dev.connect.oauth.testkit.testdata.TestAccounts;
import dev.connect.oauth.application.testdata.TestApplication;
import dev.connect.oauth.domain.Account;
import dev.connect.oauth.domain.Client;
import dev.connect.oauth.domain.ErrorCode;
import dev.connect.oauth.testkit.testdata.TestClients;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The security events of every use case that records one: ids only, never a secret. */
class AuditTrailTest {
    private final Scenario scenario = new Scenario();
    private final TestApplication app = scenario.app;

    @Test
    void recordWhenEverySecurityEventHappensThenNoEventCarriesASecret() {
        List<String> secrets = new ArrayList<>();
        Principal admin = Scenario.principal(scenario.admin());
        CreatedAccount created = app.createAccount.create(new CreateAccountCommand(admin, Optional.of("ada@example.com"), Optional.empty(),
                Optional.of("Ada"), Optional.of(TestAccounts.PASSWORD), Optional.empty()));
        secrets.add(created.apiKey().key().value());
        secrets.add(TestAccounts.PASSWORD);
        Principal ada = new Principal(created.account(), created.apiKey().issued().id());
        RegisteredClient registered = app.registerClient.register(new RegisterClientCommand(admin, Optional.of("App"),
                Optional.of(List.of(TestClients.REDIRECT_URI)), Optional.of(List.of("connect", "triggers")), Optional.of("public")));
        Client client = registered.client();
        Account account = created.account();
        String code = scenario.code(client, account);
        secrets.add(code);
        TokenResponse tokens = app.exchangeCode.exchange(Scenario.exchange(client, code));
        secrets.add(tokens.accessToken());
        secrets.add(tokens.refreshToken().orElseThrow());
        app.clock.advance(app.policy.retryGrace());
        assertRejected(() -> app.exchangeCode.exchange(Scenario.exchange(client, code)), ErrorCode.INVALID_GRANT);
        TokenResponse second = scenario.tokens(client, account);
        secrets.add(second.refreshToken().orElseThrow());
        secrets.add(scenario.refresh(client, second.refreshToken().orElseThrow()).accessToken());
        app.clock.advance(app.policy.retryGrace());
        assertRejected(() -> scenario.refresh(client, second.refreshToken().orElseThrow()), ErrorCode.INVALID_GRANT);
        assertRejected(() -> app.signIn.signIn(new SignInCommand(Optional.of("ada@example.com"), Optional.of("wrong-password"), RequestSource.UNKNOWN)),
                ErrorCode.ACCESS_DENIED);
        secrets.add("wrong-password");
        RegisteredClient backend = app.registerClient.register(new RegisterClientCommand(admin, Optional.of("Backend"), Optional.empty(),
                Optional.of(List.of("connect")), Optional.of("confidential")));
        secrets.add(backend.secret().orElseThrow());
        secrets.add(app.rotateClientSecret.rotate(admin, backend.client().id().value()).secret().orElseThrow());
        secrets.add(app.issueApiKey.issue(ada).key().value());
        app.revokeApiKey.revoke(ada, created.apiKey().issued().id());
        scenario.tokens(client, account);
        app.disconnectClient.disconnect(ada, client.id().value());
        app.deleteClient.delete(admin, backend.client().id().value());

        List<AuditEvent> events = app.ports.audit().recent(100);
        assertThat(events).extracting(AuditEvent::type).contains(AuditEventType.ACCOUNT_CREATED,
                AuditEventType.CLIENT_REGISTERED, AuditEventType.AUTHORIZATION_GRANTED, AuditEventType.CODE_REPLAYED,
                AuditEventType.REFRESH_TOKEN_REUSED, AuditEventType.SIGN_IN_FAILED, AuditEventType.CLIENT_SECRET_ROTATED,
                AuditEventType.API_KEY_ISSUED, AuditEventType.API_KEY_REVOKED, AuditEventType.CLIENT_DISCONNECTED,
                AuditEventType.CLIENT_DELETED);
        assertThat(events).allSatisfy(event -> assertThat(event.toString()).doesNotContain(secrets));
    }
}
