package dev.connect.oauth.application.port.in;

import java.util.Objects;
import java.util.Optional;

/**
 * An authorization request as it reached the authorization endpoint, before any page: its
 * parameters and, when it refers to a pushed request, its {@code request_uri}.
 */
public record ResolvePushedRequestCommand(AuthorizationRequest request, Optional<String> requestUri) {
    public ResolvePushedRequestCommand {
        Objects.requireNonNull(request, "request");
        requestUri = Objects.requireNonNull(requestUri, "requestUri").filter(value -> !value.isEmpty());
    }
}
