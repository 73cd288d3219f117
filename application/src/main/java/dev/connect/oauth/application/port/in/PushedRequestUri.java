package dev.connect.oauth.application.port.in;

import dev.connect.oauth.domain.RequestUri;
import java.time.Duration;
import java.util.Objects;

/**
 * The answer to a pushed authorization request (RFC 9126 §2.2): the {@code request_uri} to send the
 * browser to the authorization endpoint with, and how long it may be used.
 */
public record PushedRequestUri(RequestUri requestUri, Duration expiresIn) {
    public PushedRequestUri {
        Objects.requireNonNull(requestUri, "requestUri");
        Objects.requireNonNull(expiresIn, "expiresIn");
    }
}
