package dev.connect.oauth.adapter.http;

import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * The adapter's metrics in the Prometheus text exposition format 0.0.4: requests and their
 * latency per route and method, and tokens issued per grant type (API.md §5).
 *
 * <p>Routes are labelled by their path template ({@code /api/v1/clients/:id}), never the raw path,
 * so that the number of series stays bounded whatever paths callers send. Three metric families
 * do not justify a metrics library and its dependency tree; the format is a few lines of text.
 *
 * @see <a href="https://prometheus.io/docs/instrumenting/exposition_formats/">Prometheus text format</a>
 */
final class HttpMetrics {
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    /** Latency buckets in seconds, from a fast cache hit to a slow password hash under load. */
    private static final double[] BUCKETS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

    private final Map<RequestKey, LongAdder> requests = new ConcurrentHashMap<>();
    private final Map<RouteKey, Histogram> latencies = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> tokensIssued = new ConcurrentHashMap<>();

    private record RequestKey(String method, String route, int status) {
    }

    private record RouteKey(String method, String route) {
    }

    void recordRequest(String method, String route, int status, long nanos) {
        requests.computeIfAbsent(new RequestKey(method, route, status), k -> new LongAdder()).increment();
        latencies.computeIfAbsent(new RouteKey(method, route), k -> new Histogram()).observe(nanos / 1e9);
    }

    void recordTokenIssued(String grantType) {
        tokensIssued.computeIfAbsent(grantType, k -> new LongAdder()).increment();
    }

    String scrape() {
        StringBuilder out = new StringBuilder(4096);
        out.append("# HELP http_server_requests_total HTTP requests answered, by method, route template and status.\n")
                .append("# TYPE http_server_requests_total counter\n");
        requests.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(Comparator.comparing(RequestKey::route)
                        .thenComparing(RequestKey::method).thenComparingInt(RequestKey::status)))
                .forEach(e -> out.append("http_server_requests_total{method=\"").append(label(e.getKey().method()))
                        .append("\",route=\"").append(label(e.getKey().route()))
                        .append("\",status=\"").append(e.getKey().status()).append("\"} ")
                        .append(e.getValue().sum()).append('\n'));
        out.append("# HELP http_server_request_duration_seconds Time from request to answer, by method and route template.\n")
                .append("# TYPE http_server_request_duration_seconds histogram\n");
        latencies.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(Comparator.comparing(RouteKey::route).thenComparing(RouteKey::method)))
                .forEach(e -> e.getValue().writeTo(out, "method=\"" + label(e.getKey().method())
                        + "\",route=\"" + label(e.getKey().route()) + "\""));
        out.append("# HELP oauth_tokens_issued_total Access tokens issued, by grant type.\n")
                .append("# TYPE oauth_tokens_issued_total counter\n");
        tokensIssued.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> out.append("oauth_tokens_issued_total{grant_type=\"").append(label(e.getKey()))
                        .append("\"} ").append(e.getValue().sum()).append('\n'));
        return out.toString();
    }

    /** Label values escape backslash, double quote and line feed. */
    private static String label(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    private static final class Histogram {
        /** One count per bucket, plus the last for observations above every bound. */
        private final LongAdder[] counts = new LongAdder[BUCKETS.length + 1];
        private final DoubleAdder sum = new DoubleAdder();

        Histogram() {
            for (int i = 0; i < counts.length; i++) {
                counts[i] = new LongAdder();
            }
        }

        void observe(double seconds) {
            int bucket = 0;
            while (bucket < BUCKETS.length && seconds > BUCKETS[bucket]) {
                bucket++;
            }
            counts[bucket].increment();
            sum.add(seconds);
        }

        /**
         * Buckets are cumulative in the exposition format, and the count is the +Inf bucket; both
         * come from one pass over the counts so that a scrape never sees them disagree.
         */
        void writeTo(StringBuilder out, String labels) {
            long cumulative = 0;
            for (int i = 0; i < counts.length; i++) {
                cumulative += counts[i].sum();
                String bound = i < BUCKETS.length ? Double.toString(BUCKETS[i]) : "+Inf";
                out.append("http_server_request_duration_seconds_bucket{").append(labels).append(",le=\"")
                        .append(bound).append("\"} ").append(cumulative).append('\n');
            }
            out.append("http_server_request_duration_seconds_sum{").append(labels).append("} ").append(sum.sum()).append('\n');
            out.append("http_server_request_duration_seconds_count{").append(labels).append("} ").append(cumulative).append('\n');
        }
    }
}
