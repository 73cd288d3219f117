package dev.connect.oauth.application.service;

import dev.connect.oauth.application.PushedRequestPolicy;
import dev.connect.oauth.application.port.in.CheckedAuthorization;
import dev.connect.oauth.application.port.in.PushedRequestUri;
import dev.connect.oauth.application.port.in.ReturnAfterSignInUseCase;
import dev.connect.oauth.application.port.out.PushedRequestStore;
import dev.connect.oauth.application.port.out.SecretGenerator;
import dev.connect.oauth.application.port.out.SecretHasher;
import dev.connect.oauth.domain.Client;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The way back after a sign-in: the parameters as they are, or, for a client that must push, the
 * same parameters pushed again on its behalf (the sign-in form came with the server's CSRF token,
 * and the request was checked again), under a fresh single-use {@code request_uri}.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9126#section-4">RFC 9126 §4</a>
 */
public final class ReturnAfterSignInService implements ReturnAfterSignInUseCase {
    private final PushedRequestKeeper keeper;
    private final PushedRequestPolicy pushed;

    @Inject
    public ReturnAfterSignInService(PushedRequestStore store, SecretGenerator generator, SecretHasher hasher,
                                    Clock clock, PushedRequestPolicy pushed) {
        this.keeper = new PushedRequestKeeper(store, generator, hasher, clock, pushed);
        this.pushed = Objects.requireNonNull(pushed, "pushed");
    }

    @Override
    public List<Map.Entry<String, String>> parametersBack(CheckedAuthorization checked,
                                                          List<Map.Entry<String, String>> parameters) {
        Objects.requireNonNull(checked, "checked");
        Objects.requireNonNull(parameters, "parameters");
        Client client = checked.client();
        if (!pushed.requiredFor(client)) {
            return List.copyOf(parameters);
        }
        Map<String, String> kept = new LinkedHashMap<>();
        // The check refused repeats of the parameters it reads; of any other, the first counts, as in Parameters.
        parameters.forEach(parameter -> kept.putIfAbsent(parameter.getKey(), parameter.getValue()));
        PushedRequestUri uri = keeper.keep(client.id(), kept);
        return List.of(Map.entry("client_id", client.id().value()), Map.entry("request_uri", uri.requestUri().value()));
    }
}
