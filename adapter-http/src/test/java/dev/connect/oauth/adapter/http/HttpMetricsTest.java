package dev.connect.oauth.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HttpMetricsTest {
    private final HttpMetrics metrics = new HttpMetrics();

    @Test
    void histogramBucketsAreCumulativeAndCountIsTheInfBucket() {
        metrics.recordRequest("GET", "/oauth/info", 200, 3_000_000);
        metrics.recordRequest("GET", "/oauth/info", 200, 40_000_000);
        metrics.recordRequest("GET", "/oauth/info", 401, 20_000_000_000L);

        String text = metrics.scrape();

        assertThat(text)
                .contains("http_server_requests_total{method=\"GET\",route=\"/oauth/info\",status=\"200\"} 2")
                .contains("http_server_requests_total{method=\"GET\",route=\"/oauth/info\",status=\"401\"} 1")
                .contains("http_server_request_duration_seconds_bucket{method=\"GET\",route=\"/oauth/info\",le=\"0.005\"} 1")
                .contains("http_server_request_duration_seconds_bucket{method=\"GET\",route=\"/oauth/info\",le=\"0.05\"} 2")
                .contains("http_server_request_duration_seconds_bucket{method=\"GET\",route=\"/oauth/info\",le=\"10.0\"} 2")
                .contains("http_server_request_duration_seconds_bucket{method=\"GET\",route=\"/oauth/info\",le=\"+Inf\"} 3")
                .contains("http_server_request_duration_seconds_count{method=\"GET\",route=\"/oauth/info\"} 3")
                .contains("http_server_request_duration_seconds_sum{method=\"GET\",route=\"/oauth/info\"} 20.043");
    }

    @Test
    void labelValuesAreEscaped() {
        metrics.recordTokenIssued("odd\"grant\\\n");

        assertThat(metrics.scrape()).contains("oauth_tokens_issued_total{grant_type=\"odd\\\"grant\\\\\\n\"} 1");
    }

    @Test
    void everyFamilyHasHelpAndType() {
        assertThat(metrics.scrape()).contains("# TYPE http_server_requests_total counter")
                .contains("# TYPE http_server_request_duration_seconds histogram")
                .contains("# TYPE oauth_tokens_issued_total counter")
                .contains("# HELP oauth_tokens_issued_total");
    }
}
