package dev.connect.oauth.adapter.http;

import dev.connect.oauth.application.port.in.ClientCredentials;
import dev.connect.oauth.application.port.in.PushAuthorizationRequestCommand;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * {@code POST /oauth/par} (RFC 9126 §2): the client authenticates exactly as at the token endpoint
 * ({@link ClientAuthentication}, with the same {@link ClientAuthenticationLimit} on failures), and
 * the rest of the form is the authorization request, answered {@code 201 {"request_uri",
 * "expires_in"}}; errors are JSON (§2.3), never a redirect.
 */
final class PushedAuthorizationRequestEndpoint {
    static final String PATH = "/oauth/par";
    /** How the client authenticates, not what it asks: not part of the request the browser brings back. */
    private static final Set<String> CLIENT_AUTHENTICATION = Set.of("client_secret", "client_assertion",
            "client_assertion_type");

    private final HttpUseCases useCases;
    private final UseCaseExecutor executor;
    private final ClientAuthenticationLimit failures;
    private final DpopExchange dpop;

    PushedAuthorizationRequestEndpoint(HttpUseCases useCases, UseCaseExecutor executor,
                                       ClientAuthenticationLimit failures, DpopExchange dpop) {
        this.dpop = Objects.requireNonNull(dpop, "dpop");
        this.useCases = Objects.requireNonNull(useCases, "useCases");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.failures = Objects.requireNonNull(failures, "failures");
    }

    void push(RoutingContext ctx) {
        Parameters params = Parameters.fromBody(ctx).requireNoRepeats();
        ClientCredentials client = ClientAuthentication.credentials(ctx, params);
        Map<String, String> request = new LinkedHashMap<>();
        params.allBut(CLIENT_AUTHENTICATION).forEach(field -> request.put(field.getKey(), field.getValue()));
        PushAuthorizationRequestCommand command = new PushAuthorizationRequestCommand(client, request, dpop.request(ctx));
        executor.call(ctx, failures.guard(ctx, client, () -> useCases.pushAuthorizationRequest().push(command)),
                pushed -> Replies.json(ctx, 201, new JsonObject()
                        .put("request_uri", pushed.requestUri().value())
                        .put("expires_in", pushed.expiresIn().toSeconds())));
    }
}
