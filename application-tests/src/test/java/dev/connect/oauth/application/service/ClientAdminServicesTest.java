package dev.connect.oauth.application.service;

import static dev.connect.oauth.application.service.Scenario.principal;
import static dev.connect.oauth.testkit.testdata.OAuthAssertions.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import dev.connect.oauth.application.port.in.ClientAuthMetadata;
import dev.connect.oauth.application.port.in.ClientCredentials;
import dev.connect.oauth.application.port.in.ClientCredentialsCommand;
import dev.connect.oauth.application.port.in.ExchangeCodeCommand;
import dev.connect.oauth.application.port.in.Principal;
import dev.connect.oauth.application.port.in.RegisterClientCommand;
import dev.connect.oauth.application.port.in.RegisteredClient;
import dev.connect.oauth.application.port.in.TokenResponse;
import dev.connect.oauth.application.port.out.AuditEvent;
import dev.connect.oauth.application.port.out.AuditEventType;
import dev.connect.oauth.application.testdata.TestApplication;
import dev.connect.oauth.domain.Account;
import dev.connect.oauth.domain.Client;
import dev.connect.oauth.domain.ClientOpenIdSettings;
import dev.connect.oauth.domain.ClientType;
import dev.connect.oauth.domain.ErrorCode;
import dev.connect.oauth.domain.RedirectUri;
import dev.connect.oauth.domain.ScopeSet;
import dev.connect.oauth.domain.SubjectType;
import dev.connect.oauth.testkit.testdata.TestClients;
import dev.connect.oauth.testkit.testdata.TestCodes;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The admin client API: {@link RegisterClientService}, {@link ListClientsService},
 * {@link GetClientService}, {@link RotateClientSecretService} and {@link DeleteClientService}.
 */
class ClientAdminServicesTest {
    private static final List<String> REDIRECTS = List.of(TestClients.REDIRECT_URI, "http://127.0.0.1:8765/cb");

    private final Scenario scenario = new Scenario();
    private final TestApplication app = scenario.app;
    private final Principal admin = principal(scenario.admin());
    private final Principal customer = principal(scenario.customer());

    @Test
    void registerWhenConfidentialThenSecretShownOnceAndAuthenticates() {
        RegisteredClient registered = register("Backend", REDIRECTS, List.of("connect", "actions"), "confidential");

        Client client = registered.client();
        assertThat(client.type()).isEqualTo(ClientType.CONFIDENTIAL);
        assertThat(client.name()).isEqualTo("Backend");
        assertThat(client.redirectUris()).extracting(RedirectUri::value).containsExactlyElementsOf(REDIRECTS);
        assertThat(client.allowedScopes()).isEqualTo(ScopeSet.parse("actions connect"));
        assertThat(registered.secret()).hasValueSatisfying(secret -> assertThat(secret).hasSize(43));
        assertThat(client.secretHash()).contains(app.secretHasher.hash(registered.secret().orElseThrow()));
        assertThat(registered.toString()).doesNotContain(registered.secret().orElseThrow());
        assertThat(tokenFor(client, registered.secret()).scope()).isEqualTo(client.allowedScopes());
        assertThat(app.getClient.get(admin, client.id().value())).isEqualTo(client);
    }

    @Test
    void registerWhenPublicThenNoSecret() {
        RegisteredClient registered = register("SPA", REDIRECTS, List.of("connect"), "public");

        assertThat(registered.client().isPublic()).isTrue();
        assertThat(registered.secret()).isEmpty();
        assertThat(registered.client().secretHash()).isEmpty();
    }

    @Test
    void registerWhenConfidentialWithoutRedirectUrisThenAllowedForClientCredentials() {
        RegisteredClient registered = register("Daemon", null, List.of("connect"), "confidential");

        assertThat(registered.client().redirectUris()).isEmpty();
        assertThat(tokenFor(registered.client(), registered.secret()).accessToken()).isNotEmpty();
    }

    @Test
    void registerWhenPublicWithoutRedirectUrisThenInvalidRequest() {
        assertRejected(() -> register("SPA", List.of(), List.of("connect"), "public"), ErrorCode.INVALID_REQUEST);
        assertRejected(() -> register("SPA", null, List.of("connect"), "public"), ErrorCode.INVALID_REQUEST);
    }

    @Test
    void registerWhenOpenIdSettingsGivenThenStoredWithTheClient() {
        RegisteredClient registered = app.registerClient.register(new RegisterClientCommand(admin, Optional.of("RP"),
                Optional.of(REDIRECTS), Optional.of(List.of("connect")), Optional.of("public"),
                Optional.of(List.of("https://rp.example.com/bye")), Optional.of("public"), Optional.of(60L)));

        assertThat(app.getClient.get(admin, registered.client().id().value()).openId()).isEqualTo(new ClientOpenIdSettings(
                List.of(RedirectUri.parse("https://rp.example.com/bye")), SubjectType.PUBLIC, Optional.of(Duration.ofMinutes(1))));
    }

    @Test
    void registerWhenPairwiseAndResourcesGivenThenStoredWithTheClient() {
        RegisteredClient registered = app.registerClient.register(new RegisterClientCommand(admin, Optional.of("RP"),
                Optional.of(REDIRECTS), Optional.of(List.of("connect")), Optional.of("public"), Optional.empty(),
                Optional.of("pairwise"), Optional.empty(),
                Optional.empty(), ClientAuthMetadata.DEFAULTS,
                Optional.of(List.of("https://api.example.com/", "https://files.example.com/v1?x=1"))));

        ClientOpenIdSettings stored = app.getClient.get(admin, registered.client().id().value()).openId();
        assertThat(stored.subjectType()).isEqualTo(SubjectType.PAIRWISE);
        assertThat(stored.resources().values()).containsExactly("https://api.example.com/",
                "https://files.example.com/v1?x=1");
    }

    @Test
    void registerWhenOpenIdSettingInvalidThenInvalidRequestAndNothingStored() {
        assertRejected(() -> app.registerClient.register(new RegisterClientCommand(admin, Optional.of("RP"),
                Optional.of(REDIRECTS), Optional.of(List.of("connect")), Optional.of("public"),
                Optional.of(List.of("http://rp.example.com/bye")), Optional.empty(), Optional.empty())), ErrorCode.INVALID_REQUEST);
        assertRejected(() -> app.registerClient.register(new RegisterClientCommand(admin, Optional.of("RP"),
                Optional.of(REDIRECTS), Optional.of(List.of("connect")), Optional.of("public"),
                Optional.empty(), Optional.of("secret"), Optional.of(-1L))), ErrorCode.INVALID_REQUEST);
        assertRejected(() -> app.registerClient.register(new RegisterClientCommand(admin, Optional.of("RP"),
                Optional.of(REDIRECTS), Optional.of(List.of("connect")), Optional.of("public"),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), ClientAuthMetadata.DEFAULTS,
                Optional.of(List.of("https://api.example.com/#f")))),
                ErrorCode.INVALID_REQUEST);
        assertRejected(() -> app.registerClient.register(new RegisterClientCommand(admin, Optional.of("RP"),
                Optional.of(REDIRECTS), Optional.of(List.of("connect")), Optional.of("public"),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), ClientAuthMetadata.DEFAULTS,
                Optional.of(List.of("relative/path")))),
                ErrorCode.INVALID_REQUEST);
        assertThat(app.listClients.list(admin)).isEmpty();
    }

    @Test
    void registerWhenCallerIsCustomerThenForbidden() {
        assertRejected(() -> app.registerClient.register(new RegisterClientCommand(customer, Optional.of("App"), Optional.of(REDIRECTS),
                Optional.of(List.of("connect")), Optional.of("public"))), ErrorCode.FORBIDDEN);
        assertThat(app.listClients.list(admin)).isEmpty();
    }

    @Test
    void registerWhenNameAbsentOrBlankThenInvalidRequest() {
        assertRejected(() -> register(null, REDIRECTS, List.of("connect"), "public"), ErrorCode.INVALID_REQUEST);
        assertRejected(() -> register("  ", REDIRECTS, List.of("connect"), "public"), ErrorCode.INVALID_REQUEST);
    }

    @Test
    void registerWhenTypeAbsentOrUnknownThenInvalidRequest() {
        assertRejected(() -> register("App", REDIRECTS, List.of("connect"), null), ErrorCode.INVALID_REQUEST);
        assertRejected(() -> register("App", REDIRECTS, List.of("connect"), "trusted"), ErrorCode.INVALID_REQUEST);
    }

    @Test
    void registerWhenRedirectUriUnsafeThenInvalidRequest() {
        assertRejected(() -> register("App", List.of("https://app.example.com/cb#frag"), List.of("connect"), "public"),
                ErrorCode.INVALID_REQUEST);
        assertRejected(() -> register("App", List.of("http://app.example.com/cb"), List.of("connect"), "public"),
                ErrorCode.INVALID_REQUEST);
        assertRejected(() -> register("App", List.of("/relative"), List.of("connect"), "public"),
                ErrorCode.INVALID_REQUEST);
    }

    @Test
    void registerWhenTooManyRedirectUrisThenInvalidRequest() {
        List<String> many = IntStream.rangeClosed(0, Client.MAX_REDIRECT_URIS)
                .mapToObj(i -> TestClients.REDIRECT_URI + i).toList();

        assertRejected(() -> register("App", many, List.of("connect"), "public"), ErrorCode.INVALID_REQUEST);
    }

    @Test
    void registerWhenScopeOutsideCatalogueOrMalformedThenInvalidScope() {
        assertRejected(() -> register("App", REDIRECTS, List.of("connect", "admin"), "public"),
                ErrorCode.INVALID_SCOPE);
        assertRejected(() -> register("App", REDIRECTS, List.of("con nect"), "public"), ErrorCode.INVALID_SCOPE);
    }

    @Test
    void registerWhenNoScopesThenInvalidScope() {
        assertRejected(() -> register("App", REDIRECTS, List.of(), "public"), ErrorCode.INVALID_SCOPE);
        assertRejected(() -> register("App", REDIRECTS, null, "public"), ErrorCode.INVALID_SCOPE);
    }

    @Test
    void listWhenAdminThenEveryClientOldestFirst() {
        Client first = register("First", REDIRECTS, List.of("connect"), "public").client();
        app.clock.advance(Duration.ofSeconds(1));
        Client second = register("Second", REDIRECTS, List.of("connect"), "confidential").client();

        assertThat(app.listClients.list(admin)).containsExactly(first, second);
        assertRejected(() -> app.listClients.list(customer), ErrorCode.FORBIDDEN);
    }

    @Test
    void getWhenUnknownOrMalformedIdThenNotFound() {
        assertRejected(() -> app.getClient.get(admin, "no-such-client"), ErrorCode.NOT_FOUND);
        assertRejected(() -> app.getClient.get(admin, "not an id!"), ErrorCode.NOT_FOUND);
        assertRejected(() -> app.getClient.get(admin, ""), ErrorCode.NOT_FOUND);
    }

    @Test
    void getWhenCallerIsCustomerThenForbidden() {
        Client client = register("App", REDIRECTS, List.of("connect"), "public").client();

        assertRejected(() -> app.getClient.get(customer, client.id().value()), ErrorCode.FORBIDDEN);
    }

    @Test
    void rotateWhenConfidentialThenOldSecretStopsAndNewOneWorks() {
        RegisteredClient registered = register("Backend", REDIRECTS, List.of("connect"), "confidential");

        RegisteredClient rotated = app.rotateClientSecret.rotate(admin, registered.client().id().value());

        assertThat(rotated.secret()).isPresent().isNotEqualTo(registered.secret());
        assertRejected(() -> tokenFor(registered.client(), registered.secret()), ErrorCode.INVALID_CLIENT);
        assertThat(tokenFor(registered.client(), rotated.secret()).accessToken()).isNotEmpty();
        assertThat(app.ports.audit().recent(1)).extracting(AuditEvent::type)
                .containsExactly(AuditEventType.CLIENT_SECRET_ROTATED);
    }

    @Test
    void rotateWhenPublicThenInvalidRequest() {
        Client client = register("SPA", REDIRECTS, List.of("connect"), "public").client();

        assertRejected(() -> app.rotateClientSecret.rotate(admin, client.id().value()), ErrorCode.INVALID_REQUEST);
    }

    @Test
    void rotateWhenUnknownOrCustomerThenNotFoundOrForbidden() {
        Client client = register("Backend", REDIRECTS, List.of("connect"), "confidential").client();

        assertRejected(() -> app.rotateClientSecret.rotate(admin, "no-such-client"), ErrorCode.NOT_FOUND);
        assertRejected(() -> app.rotateClientSecret.rotate(customer, client.id().value()), ErrorCode.FORBIDDEN);
    }

    @Test
    void deleteWhenClientHasTokensAndCodesThenAllStopWorking() {
        RegisteredClient registered = register("Backend", List.of(TestClients.REDIRECT_URI),
                List.of("connect", "triggers"), "confidential");
        Client client = registered.client();
        Account account = scenario.customer();
        String code = scenario.code(client, account);
        TokenResponse userTokens = app.exchangeCode.exchange(withSecret(client, registered.secret(),
                scenario.code(client, account)));
        TokenResponse ownToken = tokenFor(client, registered.secret());
        app.clock.advance(Duration.ofSeconds(10));

        app.deleteClient.delete(admin, client.id().value());

        assertRejected(() -> app.describeToken.describe(Optional.of(userTokens.accessToken())), ErrorCode.INVALID_TOKEN);
        assertThat(app.ports.tokens().findAccessToken(TokenKeys.of(ownToken.accessToken(), app.secretHasher)))
                .hasValueSatisfying(token -> assertThat(token.isActive(app.clock.instant())).isFalse());
        assertThat(app.ports.tokens().findRefreshToken(TokenKeys.of(userTokens.refreshToken().orElseThrow(), app.secretHasher)))
                .hasValueSatisfying(token -> assertThat(token.revokedAt()).contains(app.clock.instant()));
        assertRejected(() -> app.exchangeCode.exchange(withSecret(client, registered.secret(), code)),
                ErrorCode.INVALID_CLIENT);
        assertRejected(() -> app.getClient.get(admin, client.id().value()), ErrorCode.NOT_FOUND);
        assertThat(app.ports.audit().recent(1)).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo(AuditEventType.CLIENT_DELETED);
            assertThat(event.clientId()).contains(client.id().value());
        });
    }

    @Test
    void deleteWhenUnknownOrMalformedIdThenNotFound() {
        assertRejected(() -> app.deleteClient.delete(admin, "no-such-client"), ErrorCode.NOT_FOUND);
        assertRejected(() -> app.deleteClient.delete(admin, "not an id!"), ErrorCode.NOT_FOUND);
    }

    @Test
    void deleteWhenCallerIsCustomerThenForbiddenAndClientKept() {
        Client client = register("App", REDIRECTS, List.of("connect"), "public").client();

        assertRejected(() -> app.deleteClient.delete(customer, client.id().value()), ErrorCode.FORBIDDEN);
        assertThat(app.getClient.get(admin, client.id().value())).isEqualTo(client);
    }

    private RegisteredClient register(String name, List<String> redirectUris, List<String> scopes, String type) {
        return app.registerClient.register(new RegisterClientCommand(admin, Optional.ofNullable(name), Optional.ofNullable(redirectUris), Optional.ofNullable(scopes), Optional.ofNullable(type)));
    }

    private TokenResponse tokenFor(Client client, Optional<String> secret) {
        return app.issueClientCredentialsToken.issue(new ClientCredentialsCommand(
                new ClientCredentials(client.id().value(), secret), Optional.empty()));
    }

    private static ExchangeCodeCommand withSecret(Client client, Optional<String> secret, String code) {
        return new ExchangeCodeCommand(new ClientCredentials(client.id().value(), secret), Optional.ofNullable(code),
                Optional.of(TestClients.REDIRECT_URI), Optional.of(TestCodes.VERIFIER));
    }
}
