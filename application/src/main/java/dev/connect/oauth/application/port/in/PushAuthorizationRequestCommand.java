package dev.connect.oauth.application.port.in;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A client pushes an authorization request (RFC 9126 §2.1): how it authenticates, and the request's
 * parameters by wire name, in the order they came, without those of client authentication.
 *
 * @param dpop the push request's DPoP proof: it binds the code to its key, as {@code dpop_jkt} does (RFC 9449 §10.1)
 */
public record PushAuthorizationRequestCommand(ClientCredentials client, Map<String, String> parameters,
                                              Optional<DpopRequest> dpop) {
    public PushAuthorizationRequestCommand {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(dpop, "dpop");
        Map<String, String> copy = new LinkedHashMap<>();
        Objects.requireNonNull(parameters, "parameters").forEach((name, value) ->
                copy.put(Objects.requireNonNull(name, "parameter name"), Objects.requireNonNull(value, "parameter value")));
        parameters = Collections.unmodifiableMap(copy);
    }

    /** A push without a DPoP proof. */
    public PushAuthorizationRequestCommand(ClientCredentials client, Map<String, String> parameters) {
        this(client, parameters, Optional.empty());
    }
}
