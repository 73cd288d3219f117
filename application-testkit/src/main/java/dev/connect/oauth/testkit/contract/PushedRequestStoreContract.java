package dev.connect.oauth.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connect.oauth.application.port.out.PushedRequestStore;
import dev.connect.oauth.domain.Client;
import dev.connect.oauth.domain.ClientId;
import dev.connect.oauth.domain.PushedAuthorizationRequest;
import dev.connect.oauth.testkit.testdata.TestIds;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The promise of {@link PushedRequestStore}: a pushed request is taken at most once, however many
 * race, only by the client that pushed it and only before it expires; its parameters come back as
 * they were pushed, in their order.
 */
public abstract class PushedRequestStoreContract extends StoreContract {
    private PushedAuthorizationRequest pushed(Client client, long expiresAtMillis) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("response_type", "code");
        parameters.put("client_id", client.id().value());
        parameters.put("redirect_uri", "https://app.example.com/callback?x=1&y=a b");
        parameters.put("scope", "openid connect");
        parameters.put("state", "ünïcödé = & % +");
        parameters.put("code_challenge", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
        parameters.put("code_challenge_method", "S256");
        PushedAuthorizationRequest request = new PushedAuthorizationRequest(TestIds.hashOf(TestIds.secret()),
                client.id(), parameters, at(expiresAtMillis));
        store.pushedRequests().add(request);
        return request;
    }

    @Test
    void takeWhenPushedThenReturnsTheParametersInTheirOrder() {
        PushedAuthorizationRequest request = pushed(storedClient(), 60_000);

        Optional<PushedAuthorizationRequest> taken = store.pushedRequests().take(request.hash(), request.clientId(), at(1_000));

        assertThat(taken).contains(request);
        assertThat(List.copyOf(taken.orElseThrow().parameters().keySet()))
                .containsExactlyElementsOf(request.parameters().keySet());
    }

    @Test
    void takeWhenTakenBeforeThenEmpty() {
        PushedAuthorizationRequest request = pushed(storedClient(), 60_000);
        store.pushedRequests().take(request.hash(), request.clientId(), at(1_000));

        assertThat(store.pushedRequests().take(request.hash(), request.clientId(), at(2_000))).isEmpty();
    }

    @Test
    void takeWhenExpiredThenEmpty() {
        PushedAuthorizationRequest request = pushed(storedClient(), 60_000);

        assertThat(store.pushedRequests().take(request.hash(), request.clientId(), at(60_000))).isEmpty();
    }

    @Test
    void takeWhenAnotherClientPresentsItThenEmptyAndTheRequestStays() {
        PushedAuthorizationRequest request = pushed(storedClient(), 60_000);

        assertThat(store.pushedRequests().take(request.hash(), new ClientId(TestIds.identifier()), at(1_000))).isEmpty();

        assertThat(store.pushedRequests().take(request.hash(), request.clientId(), at(1_000))).contains(request);
    }

    @Test
    void takeWhenUnknownThenEmpty() {
        assertThat(store.pushedRequests().take(TestIds.hashOf(TestIds.secret()), new ClientId(TestIds.identifier()),
                at(0))).isEmpty();
    }

    @Test
    void takeWhenManyRaceThenExactlyOneGetsIt() throws Exception {
        PushedAuthorizationRequest request = pushed(storedClient(), 60_000);

        List<Optional<PushedAuthorizationRequest>> outcomes = race(racer ->
                store.pushedRequests().take(request.hash(), request.clientId(), at(1_000 + racer)));

        assertThat(outcomes.stream().filter(Optional::isPresent)).hasSize(1);
    }
}
