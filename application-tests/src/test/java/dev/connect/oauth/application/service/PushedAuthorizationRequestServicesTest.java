package dev.connect.oauth.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.connect.oauth.application.AbuseLimits;
import dev.connect.oauth.application.OAuthPolicy;
import dev.connect.oauth.application.PushedRequestPolicy;
import dev.connect.oauth.application.port.in.AuthorizationRedirectException;
import dev.connect.oauth.application.port.in.AuthorizationRequest;
import dev.connect.oauth.application.port.in.CheckedAuthorization;
import dev.connect.oauth.application.port.in.ClientCredentials;
import dev.connect.oauth.application.port.in.PushAuthorizationRequestCommand;
import dev.connect.oauth.application.port.in.PushedRequestUri;
import dev.connect.oauth.application.port.in.ResolvePushedRequestCommand;
import dev.connect.oauth.application.testdata.TestApplication;
import dev.connect.oauth.domain.Client;
import dev.connect.oauth.domain.ErrorCode;
import dev.connect.oauth.domain.OAuthException;
import dev.connect.oauth.domain.PushedAuthorizationRequest;
import dev.connect.oauth.domain.RequestUri;
import dev.connect.oauth.testkit.testdata.TestClients;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Pushed authorization requests (RFC 9126): pushing, resolving at the authorization endpoint, the way back after sign-in. */
class PushedAuthorizationRequestServicesTest {
    private final Scenario scenario = new Scenario();
    private final TestApplication app = scenario.app;

    private static Map<String, String> parameters(Client client) {
        Map<String, String> parameters = new LinkedHashMap<>(Scenario.request(client).parameters());
        parameters.put("nonce", "n-0S6_WzA2Mj");
        parameters.put("ui_locales", "de");
        return parameters;
    }

    private PushedRequestUri push(Client client, Map<String, String> parameters) {
        return app.pushAuthorizationRequest.push(new PushAuthorizationRequestCommand(Scenario.credentials(client), parameters));
    }

    private Optional<Map<String, String>> resolve(String clientId, String requestUri) {
        return app.resolvePushedRequest.resolve(new ResolvePushedRequestCommand(
                AuthorizationRequest.of(Map.of("client_id", clientId)), Optional.of(requestUri)));
    }

    private static void assertRefused(ThrowingCallable call, ErrorCode expected) {
        assertThatThrownBy(call).isInstanceOfSatisfying(OAuthException.class, e -> {
            assertThat(e).isNotInstanceOf(AuthorizationRedirectException.class);
            assertThat(e.errorCode()).isEqualTo(expected);
        });
    }

    @Test
    void pushWhenValidThenRequestUriOfTheUrnFormLivingTheConfiguredTime() {
        Client client = scenario.confidentialClient();

        PushedRequestUri pushed = push(client, parameters(client));

        assertThat(pushed.requestUri().value()).startsWith(RequestUri.PREFIX);
        assertThat(pushed.expiresIn()).isEqualTo(PushedAuthorizationRequest.DEFAULT_TTL);
    }

    @Test
    void resolveWhenPushedThenTheParametersAsPushed() {
        Client client = scenario.publicClient();
        Map<String, String> parameters = parameters(client);
        PushedRequestUri pushed = push(client, parameters);

        assertThat(resolve(client.id().value(), pushed.requestUri().value())).contains(parameters);
    }

    @Test
    void resolveWhenQueryCarriesOtherParametersThenOnlyThePushedCount() {
        Client client = scenario.publicClient();
        PushedRequestUri pushed = push(client, parameters(client));
        AuthorizationRequest query = AuthorizationRequest.of(Map.of("client_id", client.id().value(),
                "scope", "tests", "redirect_uri", "https://evil.example.com/"));

        Optional<Map<String, String>> resolved = app.resolvePushedRequest.resolve(
                new ResolvePushedRequestCommand(query, Optional.of(pushed.requestUri().value())));

        assertThat(resolved.orElseThrow()).containsEntry("scope", "connect triggers")
                .containsEntry("redirect_uri", TestClients.REDIRECT_URI);
    }

    @Test
    void pushWhenClientAuthenticatedByBasicWithoutClientIdThenTheAuthenticatedOneIsAdded() {
        Client client = scenario.confidentialClient();
        Map<String, String> parameters = parameters(client);
        parameters.remove("client_id");

        PushedRequestUri pushed = push(client, parameters);

        assertThat(resolve(client.id().value(), pushed.requestUri().value()).orElseThrow())
                .containsEntry("client_id", client.id().value());
    }

    @Test
    void resolveWhenUsedBeforeThenInvalidRequest() {
        Client client = scenario.publicClient();
        PushedRequestUri pushed = push(client, parameters(client));
        resolve(client.id().value(), pushed.requestUri().value());

        assertRefused(() -> resolve(client.id().value(), pushed.requestUri().value()), ErrorCode.INVALID_REQUEST);
    }

    @Test
    void resolveWhenExpiredThenInvalidRequest() {
        Client client = scenario.publicClient();
        PushedRequestUri pushed = push(client, parameters(client));
        app.clock.advance(PushedAuthorizationRequest.DEFAULT_TTL);

        assertRefused(() -> resolve(client.id().value(), pushed.requestUri().value()), ErrorCode.INVALID_REQUEST);
    }

    @Test
    void resolveWhenAnotherClientPresentsItThenInvalidRequestAndTheOwnerStillCanUseIt() {
        Client client = scenario.publicClient();
        Client other = scenario.add(TestClients.publicClient().build());
        PushedRequestUri pushed = push(client, parameters(client));

        assertRefused(() -> resolve(other.id().value(), pushed.requestUri().value()), ErrorCode.INVALID_REQUEST);

        assertThat(resolve(client.id().value(), pushed.requestUri().value())).isPresent();
    }

    @Test
    void resolveWhenClientIdMissingThenInvalidRequest() {
        Client client = scenario.publicClient();
        PushedRequestUri pushed = push(client, parameters(client));

        assertRefused(() -> app.resolvePushedRequest.resolve(new ResolvePushedRequestCommand(
                AuthorizationRequest.of(Map.of()), Optional.of(pushed.requestUri().value()))), ErrorCode.INVALID_REQUEST);
    }

    @Test
    void resolveWhenRequestUriNotOursThenInvalidRequest() {
        Client client = scenario.publicClient();

        assertRefused(() -> resolve(client.id().value(), "https://app.example.com/request.jwt"), ErrorCode.INVALID_REQUEST);
        assertRefused(() -> resolve(client.id().value(), RequestUri.PREFIX + "unknown"), ErrorCode.INVALID_REQUEST);
    }

    @Test
    void pushWhenWrongSecretThenInvalidClient() {
        Client client = scenario.confidentialClient();

        assertRefused(() -> app.pushAuthorizationRequest.push(new PushAuthorizationRequestCommand(
                new ClientCredentials(client.id().value(), Optional.of("wrong")), parameters(client))),
                ErrorCode.INVALID_CLIENT);
    }

    @Test
    void pushWhenRequestUriInsideThenInvalidRequest() {
        Client client = scenario.confidentialClient();
        Map<String, String> parameters = parameters(client);
        parameters.put("request_uri", RequestUri.PREFIX + "abc");

        assertRefused(() -> push(client, parameters), ErrorCode.INVALID_REQUEST);
    }

    @Test
    void pushWhenRequestObjectInsideThenInvalidRequest() {
        Client client = scenario.confidentialClient();
        Map<String, String> parameters = parameters(client);
        parameters.put("request", "eyJhbGciOiJub25lIn0.e30.");

        assertRefused(() -> push(client, parameters), ErrorCode.INVALID_REQUEST);
    }

    @Test
    void pushWhenClientIdIsAnotherClientsThenInvalidRequest() {
        Client client = scenario.confidentialClient();
        Client other = scenario.publicClient();
        Map<String, String> parameters = parameters(client);
        parameters.put("client_id", other.id().value());

        assertRefused(() -> push(client, parameters), ErrorCode.INVALID_REQUEST);
    }

    @Test
    void pushWhenRedirectUriNotRegisteredThenInvalidRequestAnsweredNotRedirected() {
        Client client = scenario.confidentialClient();
        Map<String, String> parameters = parameters(client);
        parameters.put("redirect_uri", "https://evil.example.com/callback");

        assertRefused(() -> push(client, parameters), ErrorCode.INVALID_REQUEST);
    }

    @Test
    void pushWhenScopeNotAllowedThenInvalidScopeAnsweredNotRedirected() {
        Client client = scenario.confidentialClient();
        Map<String, String> parameters = parameters(client);
        parameters.put("scope", "admin");

        assertRefused(() -> push(client, parameters), ErrorCode.INVALID_SCOPE);
    }

    @Test
    void pushWhenPublicClientSendsNoChallengeThenInvalidRequest() {
        Client client = scenario.publicClient();
        Map<String, String> parameters = parameters(client);
        parameters.remove("code_challenge");
        parameters.remove("code_challenge_method");

        assertRefused(() -> push(client, parameters), ErrorCode.INVALID_REQUEST);
    }

    @Test
    void pushWhenResponseTypeUnsupportedThenUnsupportedResponseType() {
        Client client = scenario.confidentialClient();
        Map<String, String> parameters = parameters(client);
        parameters.put("response_type", "token");

        assertRefused(() -> push(client, parameters), ErrorCode.UNSUPPORTED_RESPONSE_TYPE);
    }

    @Test
    void pushWhenPromptMalformedThenInvalidRequest() {
        Client client = scenario.confidentialClient();
        Map<String, String> parameters = parameters(client);
        parameters.put("max_age", "soon");

        assertRefused(() -> push(client, parameters), ErrorCode.INVALID_REQUEST);
    }

    @Test
    void resolveWhenNoRequestUriAndClientNeedNotPushThenTheRequestStands() {
        Client client = scenario.publicClient();

        assertThat(app.resolvePushedRequest.resolve(new ResolvePushedRequestCommand(Scenario.request(client),
                Optional.empty()))).isEmpty();
    }

    @Test
    void resolveWhenNoRequestUriAndClientMustPushThenRedirectedInvalidRequest() {
        Client client = scenario.add(TestClients.publicClient().requirePushedAuthorizationRequests(true).build());

        assertThatThrownBy(() -> app.resolvePushedRequest.resolve(new ResolvePushedRequestCommand(
                Scenario.request(client), Optional.empty())))
                .isInstanceOfSatisfying(AuthorizationRedirectException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_REQUEST);
                    assertThat(e.state()).contains(Scenario.STATE);
                });
    }

    @Test
    void resolveWhenClientMustPushAndPushedThenTheParameters() {
        Client client = scenario.add(TestClients.publicClient().requirePushedAuthorizationRequests(true).build());
        PushedRequestUri pushed = push(client, parameters(client));

        assertThat(resolve(client.id().value(), pushed.requestUri().value())).isPresent();
    }

    @Test
    void resolveWhenServerRequiresPushingThenEveryClientMust() {
        TestApplication strict = new TestApplication(OAuthPolicy.defaults(TestApplication.ISSUER),
                AbuseLimits.defaults(), new PushedRequestPolicy(Duration.ofSeconds(30), true));
        Client client = TestClients.publicClient().build();
        strict.ports.clients().add(client);

        assertThatThrownBy(() -> strict.resolvePushedRequest.resolve(new ResolvePushedRequestCommand(
                Scenario.request(client), Optional.empty()))).isInstanceOf(AuthorizationRedirectException.class);
        PushedRequestUri pushed = strict.pushAuthorizationRequest.push(
                new PushAuthorizationRequestCommand(Scenario.credentials(client), parameters(client)));
        assertThat(pushed.expiresIn()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void parametersBackWhenClientNeedNotPushThenAsTheyAre() {
        Client client = scenario.publicClient();
        List<Map.Entry<String, String>> parameters = List.copyOf(parameters(client).entrySet());

        assertThat(app.returnAfterSignIn.parametersBack(checked(client), parameters)).isEqualTo(parameters);
    }

    @Test
    void parametersBackWhenClientMustPushThenAFreshRequestUriOfTheSameParameters() {
        Client client = scenario.add(TestClients.publicClient().requirePushedAuthorizationRequests(true).build());
        Map<String, String> parameters = parameters(client);

        List<Map.Entry<String, String>> back = app.returnAfterSignIn.parametersBack(checked(client),
                List.copyOf(parameters.entrySet()));

        assertThat(back).extracting(Map.Entry::getKey).containsExactly("client_id", "request_uri");
        assertThat(resolve(client.id().value(), back.get(1).getValue())).contains(parameters);
    }

    private CheckedAuthorization checked(Client client) {
        return app.checkAuthorizationRequest.check(Scenario.request(client));
    }
}
