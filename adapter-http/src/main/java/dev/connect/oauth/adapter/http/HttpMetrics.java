package dev.connect.oauth.adapter.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The adapter's own meters (API.md §5): one timer per method, route template and status, named
 * {@code http.server.requests} (Prometheus: {@code http_server_requests_seconds_count},
 * {@code _sum}, {@code _bucket} and {@code _max}), and a counter of access tokens issued per grant
 * type ({@code oauth_tokens_issued_total}).
 *
 * <p>Routes are labelled by their path template ({@code /api/v1/clients/:id}), never the raw path,
 * so that the number of series stays bounded whatever paths callers send. Each meter is looked up
 * in the registry once and kept here: a request costs one map lookup and one record, not
 * Micrometer's id building and tag sorting.
 */
final class HttpMetrics {
    /** Latency buckets, from a fast cache hit to a slow password hash under load. */
    private static final Duration[] BUCKETS = Stream.of(5, 10, 25, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000)
            .map(Duration::ofMillis).toArray(Duration[]::new);

    private final MeterRegistry registry;
    private final ConcurrentMap<RequestKey, Timer> requests = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Counter> tokensIssued = new ConcurrentHashMap<>();

    private record RequestKey(String method, String route, int status) {
    }

    HttpMetrics(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    void recordRequest(String method, String route, int status, long nanos) {
        RequestKey key = new RequestKey(method, route, status);
        Timer timer = requests.get(key);
        if (timer == null) {
            timer = requests.computeIfAbsent(key, this::timer);
        }
        timer.record(nanos, TimeUnit.NANOSECONDS);
    }

    void recordTokenIssued(String grantType) {
        Counter counter = tokensIssued.get(grantType);
        if (counter == null) {
            counter = tokensIssued.computeIfAbsent(grantType, grant -> Counter.builder("oauth.tokens.issued")
                    .description("Access tokens issued, by grant type.")
                    .tag("grant_type", grant)
                    .register(registry));
        }
        counter.increment();
    }

    private Timer timer(RequestKey key) {
        return Timer.builder("http.server.requests")
                .description("HTTP requests answered and their time from request to answer, by method, route template and status.")
                .tags("method", key.method(), "route", key.route(), "status", Integer.toString(key.status()))
                .serviceLevelObjectives(BUCKETS)
                .register(registry);
    }
}
