package dev.connect.oauth.adapter.http;

import dev.connect.oauth.domain.ErrorCode;
import dev.connect.oauth.domain.OAuthException;
import io.vertx.core.http.HttpMethod;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An error that HTTP itself raises (a wrong method, a rate limit, maintenance), with the headers
 * its status requires: {@code Allow} for 405 (RFC 9110 §15.5.6), {@code Retry-After} for 429 and
 * 503 (RFC 6585 §4, RFC 9110 §10.2.3).
 */
final class HttpProblem extends OAuthException {
    private static final long serialVersionUID = 1L;

    private final transient Map<String, String> headers;

    private HttpProblem(ErrorCode code, String description, Map<String, String> headers) {
        super(code, description);
        this.headers = Map.copyOf(headers);
    }

    static HttpProblem methodNotAllowed(Collection<HttpMethod> allowed) {
        return new HttpProblem(ErrorCode.METHOD_NOT_ALLOWED, ErrorCode.METHOD_NOT_ALLOWED.description(),
                Map.of("Allow", methodList(allowed)));
    }

    /** Methods as {@code Allow} and {@code Access-Control-Allow-Methods} list them: sorted, comma-separated. */
    static String methodList(Collection<HttpMethod> methods) {
        return methods.stream().map(HttpMethod::name).sorted().collect(Collectors.joining(", "));
    }

    static HttpProblem tooManyRequests(Duration retryAfter) {
        return new HttpProblem(ErrorCode.TOO_MANY_REQUESTS, ErrorCode.TOO_MANY_REQUESTS.description(),
                Map.of("Retry-After", seconds(retryAfter)));
    }

    static HttpProblem unavailable(String description, Duration retryAfter) {
        return new HttpProblem(ErrorCode.TEMPORARILY_UNAVAILABLE, description, Map.of("Retry-After", seconds(retryAfter)));
    }

    Map<String, String> headers() {
        return headers;
    }

    /** Whole seconds, rounded up so that a client retrying on time is not refused again. */
    private static String seconds(Duration duration) {
        long seconds = duration.toSeconds() + (duration.toNanosPart() > 0 ? 1 : 0);
        return Long.toString(Math.max(1, seconds));
    }
}
