package dev.connect.oauth.application.port.in;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A client pushes an authorization request (RFC 9126 §2.1): how it authenticates, and the request's
 * parameters by wire name, in the order they came, without those of client authentication.
 */
public record PushAuthorizationRequestCommand(ClientCredentials client, Map<String, String> parameters) {
    public PushAuthorizationRequestCommand {
        Objects.requireNonNull(client, "client");
        Map<String, String> copy = new LinkedHashMap<>();
        Objects.requireNonNull(parameters, "parameters").forEach((name, value) ->
                copy.put(Objects.requireNonNull(name, "parameter name"), Objects.requireNonNull(value, "parameter value")));
        parameters = Collections.unmodifiableMap(copy);
    }
}
