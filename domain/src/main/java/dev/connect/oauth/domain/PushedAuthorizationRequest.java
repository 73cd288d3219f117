package dev.connect.oauth.domain;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An authorization request a client pushed (RFC 9126), kept as the hash of the {@code request_uri}
 * that refers to it: the parameters the authorization endpoint takes in place of its query, bound
 * to the client that pushed them, short-lived and used at most once.
 *
 * @param parameters the request's parameters by wire name, in the order they came, client
 *                   authentication left out
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9126#section-2.2">RFC 9126 §2.2</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9126#section-4">RFC 9126 §4</a>
 */
public record PushedAuthorizationRequest(SecretHash hash, ClientId clientId, Map<String, String> parameters,
                                         Instant expiresAt) {
    /** The lifetime unless configured: long enough to send the browser on, RFC 9126 §2.2's example. */
    public static final Duration DEFAULT_TTL = Duration.ofSeconds(60);
    /** RFC 9126 §2.2: a {@code request_uri} is short-lived; ten minutes is the most we allow. */
    public static final Duration MAX_TTL = Duration.ofMinutes(10);
    /**
     * The most characters the parameters take form-encoded ({@code application/x-www-form-urlencoded},
     * as they arrive): far above any real authorization request, and a bound for what is stored.
     */
    public static final int MAX_FORM_LENGTH = 32 * 1024;

    public PushedAuthorizationRequest {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Map<String, String> copy = new LinkedHashMap<>();
        parameters.forEach((name, value) -> copy.put(Objects.requireNonNull(name, "parameter name"),
                Objects.requireNonNull(value, "parameter value")));
        parameters = Collections.unmodifiableMap(copy);
        if (formLength(parameters) > MAX_FORM_LENGTH) {
            throw ErrorCode.INVALID_REQUEST.exception("The request is too large to push: at most " + MAX_FORM_LENGTH
                    + " characters form-encoded.");
        }
    }

    private static long formLength(Map<String, String> parameters) {
        long length = 0;
        for (Map.Entry<String, String> parameter : parameters.entrySet()) {
            length += URLEncoder.encode(parameter.getKey(), StandardCharsets.UTF_8).length()
                    + URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8).length() + 2;
        }
        return length;
    }

    /** Whether the request can no longer be used at {@code now}. */
    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    /** A {@code ttl} within what {@link #MAX_TTL} allows, or {@link IllegalArgumentException}. */
    public static Duration checkTtl(Duration ttl) {
        Objects.requireNonNull(ttl, "ttl");
        if (ttl.isNegative() || ttl.isZero() || ttl.compareTo(MAX_TTL) > 0) {
            throw new IllegalArgumentException("A pushed request lives more than 0 s and at most " + MAX_TTL);
        }
        return ttl;
    }
}
