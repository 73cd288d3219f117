package dev.connect.oauth.application.service;

import dev.connect.oauth.application.OAuthPolicy;
import dev.connect.oauth.application.port.in.AuthorizationGranted;
import dev.connect.oauth.application.port.in.AuthorizationRequest;
import dev.connect.oauth.application.port.in.AuthorizationResponse;
import dev.connect.oauth.application.port.in.AuthorizeCommand;
import dev.connect.oauth.application.port.in.ClientCredentials;
import dev.connect.oauth.application.port.in.ConsentDecision;
import dev.connect.oauth.application.port.in.ExchangeCodeCommand;
import dev.connect.oauth.application.port.in.Principal;
import dev.connect.oauth.application.port.in.RefreshTokenCommand;
import dev.connect.oauth.application.port.in.TokenResponse;
import dev.connect.oauth.application.testdata.TestApplication;
import dev.connect.oauth.domain.Account;
import dev.connect.oauth.domain.ApiKeyId;
import dev.connect.oauth.domain.Client;
import dev.connect.oauth.testkit.testdata.TestAccounts;
import dev.connect.oauth.testkit.testdata.TestClients;
import dev.connect.oauth.testkit.testdata.TestCodes;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One in-memory application and the steps the service tests repeat: store an account or a client,
 * approve an authorization request, exchange its code.
 */
final class Scenario {
    static final String STATE = "af0ifjsldkj";

    final TestApplication app;

    Scenario() {
        this(new TestApplication());
    }

    Scenario(OAuthPolicy policy) {
        this(new TestApplication(policy));
    }

    Scenario(TestApplication app) {
        this.app = app;
    }

    Account customer() {
        return add(TestAccounts.customer().build());
    }

    Account admin() {
        return add(TestAccounts.admin().build());
    }

    Account add(Account account) {
        app.ports.accounts().add(account, TestAccounts.keyOf(account));
        return account;
    }

    Client confidentialClient() {
        return add(TestClients.confidential().build());
    }

    Client publicClient() {
        return add(TestClients.publicClient().build());
    }

    Client add(Client client) {
        app.ports.clients().add(client);
        return client;
    }

    /** The account's own API key stands for it (a key id that names no stored key will do). */
    static Principal principal(Account account) {
        return new Principal(account, new ApiKeyId("key-of-" + account.id()));
    }

    /** What the client presents: its secret when confidential, its id alone when public. */
    static ClientCredentials credentials(Client client) {
        return new ClientCredentials(client.id().value(),
                client.isPublic() ? Optional.empty() : Optional.of(TestClients.SECRET));
    }

    /** A valid request of the client for {@code connect triggers}, with the S256 challenge of {@link TestCodes}. */
    static AuthorizationRequest request(Client client) {
        return request(client, "connect triggers");
    }

    /** A valid request of the client for {@code scope}, with the S256 challenge of {@link TestCodes}. */
    static AuthorizationRequest request(Client client, String scope) {
        return AuthorizationRequest.of(Map.of("response_type", "code", "client_id", client.id().value(),
                "redirect_uri", TestClients.REDIRECT_URI, "scope", scope, "state", STATE,
                "code_challenge", TestCodes.CHALLENGE, "code_challenge_method", "S256"));
    }

    /** The account approves {@link #request}; the code. */
    String code(Client client, Account account) {
        return approve(request(client), account);
    }

    /** The account approves {@code request}; the code. */
    String approve(AuthorizationRequest request, Account account) {
        return granted(app.authorize.authorize(new AuthorizeCommand(request, account.id(), ConsentDecision.APPROVE)));
    }

    /** The code of {@code response}, which must grant. */
    static String granted(AuthorizationResponse response) {
        if (response instanceof AuthorizationGranted granted) {
            return granted.code();
        }
        throw new AssertionError("Expected a code, got " + response);
    }

    /** The token request that redeems {@code code} as {@link #request} asked. */
    static ExchangeCodeCommand exchange(Client client, String code) {
        return new ExchangeCodeCommand(credentials(client), Optional.ofNullable(code), Optional.of(TestClients.REDIRECT_URI), Optional.of(TestCodes.VERIFIER));
    }

    /** The tokens of a whole authorization code flow. */
    TokenResponse tokens(Client client, Account account) {
        return app.exchangeCode.exchange(exchange(client, code(client, account)));
    }

    TokenResponse refresh(Client client, String refreshToken) {
        return app.refreshToken.refresh(new RefreshTokenCommand(credentials(client), Optional.ofNullable(refreshToken), Optional.empty()));
    }
}
