package dev.connect.oauth.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

class HttpMetricsTest {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final HttpMetrics metrics = new HttpMetrics(registry);

    @Test
    void recordRequestWhenSameRouteThenOneSeriesPerStatusWithCumulativeBuckets() {
        metrics.recordRequest("GET", "/oauth/info", 200, 3_000_000);
        metrics.recordRequest("GET", "/oauth/info", 200, 40_000_000);
        metrics.recordRequest("GET", "/oauth/info", 401, 20_000_000_000L);

        String text = registry.scrape(OperationsEndpoints.METRICS_CONTENT_TYPE);

        String ok = "method=\"GET\",route=\"/oauth/info\",status=\"200\"";
        String unauthorized = "method=\"GET\",route=\"/oauth/info\",status=\"401\"";
        assertThat(text)
                .contains("http_server_requests_seconds_count{" + ok + "} 2")
                .contains("http_server_requests_seconds_count{" + unauthorized + "} 1")
                .contains("http_server_requests_seconds_bucket{" + ok + ",le=\"0.005\"} 1")
                .contains("http_server_requests_seconds_bucket{" + ok + ",le=\"0.05\"} 2")
                .contains("http_server_requests_seconds_bucket{" + unauthorized + ",le=\"10.0\"} 0")
                .contains("http_server_requests_seconds_bucket{" + unauthorized + ",le=\"+Inf\"} 1")
                .contains("http_server_requests_seconds_sum{" + ok + "} 0.043")
                .contains("http_server_requests_seconds_sum{" + unauthorized + "} 20.0");
    }

    @Test
    void recordRequestWhenCalledAgainThenReusesTheRegisteredTimer() {
        metrics.recordRequest("POST", "/oauth/token", 200, 1_000_000);
        metrics.recordRequest("POST", "/oauth/token", 200, 1_000_000);

        assertThat(registry.get("http.server.requests").tags("route", "/oauth/token").timers()).hasSize(1);
        assertThat(registry.get("http.server.requests").timer().count()).isEqualTo(2);
    }

    @Test
    void recordTokenIssuedWhenLabelHasQuotesThenEscaped() {
        metrics.recordTokenIssued("odd\"grant\\\n");

        assertThat(registry.scrape(OperationsEndpoints.METRICS_CONTENT_TYPE))
                .contains("oauth_tokens_issued_total{grant_type=\"odd\\\"grant\\\\\\n\"} 1.0");
    }

    @Test
    void everyFamilyHasHelpAndType() {
        metrics.recordRequest("GET", "/health/live", 200, 1_000);
        metrics.recordTokenIssued("client_credentials");

        assertThat(registry.scrape(OperationsEndpoints.METRICS_CONTENT_TYPE))
                .contains("# TYPE http_server_requests_seconds histogram")
                .contains("# HELP http_server_requests_seconds HTTP requests answered")
                .contains("# TYPE oauth_tokens_issued_total counter")
                .contains("# HELP oauth_tokens_issued_total Access tokens issued");
    }
}
