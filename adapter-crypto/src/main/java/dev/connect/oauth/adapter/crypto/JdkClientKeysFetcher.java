package dev.connect.oauth.adapter.crypto;

import dev.connect.oauth.application.Lazy;
import dev.connect.oauth.application.port.out.ClientKeysFetcher;
import dev.connect.oauth.application.port.out.ClientKeysUnavailableException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;

/**
 * Fetches a client's {@code jwks_uri} with the JDK's HTTP client: a connect timeout, a timeout for
 * the whole answer, at most {@link #MAX_BYTES} read, no redirects (a JWK Set moved elsewhere is the
 * client's to re-register) and only a 200 accepted.
 */
final class JdkClientKeysFetcher implements ClientKeysFetcher {
    /** A JWK Set of a few keys is a few kilobytes. */
    static final int MAX_BYTES = 64 * 1024;

    /** Made on the first fetch: most servers never fetch, and making one (TLS set-up) slows the start. */
    private final Lazy<HttpClient> http;
    private final Duration timeout;

    JdkClientKeysFetcher(Duration connectTimeout, Duration timeout) {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        this.http = Lazy.of(() -> HttpClient.newBuilder().connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).build());
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    @Override
    public String fetch(String jwksUri) {
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(jwksUri)).timeout(timeout)
                    .header("Accept", "application/jwk-set+json, application/json").GET().build();
        } catch (IllegalArgumentException malformed) {
            throw new ClientKeysUnavailableException("jwks_uri is not a valid URI", malformed);
        }
        try {
            HttpResponse<InputStream> response = http.get().send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw new ClientKeysUnavailableException("jwks_uri answered " + response.statusCode());
                }
                byte[] bytes = body.readNBytes(MAX_BYTES + 1);
                if (bytes.length > MAX_BYTES) {
                    throw new ClientKeysUnavailableException("jwks_uri answered more than " + MAX_BYTES + " bytes");
                }
                return new String(bytes, StandardCharsets.UTF_8);
            }
        } catch (IOException failed) {
            throw new ClientKeysUnavailableException("jwks_uri could not be read", failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new ClientKeysUnavailableException("jwks_uri fetch interrupted", interrupted);
        }
    }
}
