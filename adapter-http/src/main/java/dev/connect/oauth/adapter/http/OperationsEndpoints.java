package dev.connect.oauth.adapter.http;

import dev.connect.oauth.application.port.out.StoreUnavailableException;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Objects;

/**
 * Health and metrics (API.md §5): {@code /health/live} answers while the process serves HTTP;
 * {@code /health/ready} only while the store answers too (503 otherwise, so a load balancer
 * stops sending traffic); {@code /metrics}: every meter of the registry in the Prometheus text
 * format 0.0.4.
 *
 * @see <a href="https://prometheus.io/docs/instrumenting/exposition_formats/">Prometheus text format</a>
 */
final class OperationsEndpoints {
    static final String METRICS_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    private static final String UP = new JsonObject().put("status", "UP").encode();

    private final HttpUseCases useCases;
    private final UseCaseExecutor executor;
    private final PrometheusMeterRegistry metrics;

    OperationsEndpoints(HttpUseCases useCases, UseCaseExecutor executor, PrometheusMeterRegistry metrics) {
        this.useCases = Objects.requireNonNull(useCases, "useCases");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    void live(RoutingContext ctx) {
        Replies.json(ctx, 200, UP);
    }

    /** Whatever the readiness check throws means "not ready": 503, never 500. */
    void ready(RoutingContext ctx) {
        executor.call(ctx, () -> {
            try {
                useCases.checkReadiness().check();
                return true;
            } catch (StoreUnavailableException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new StoreUnavailableException("Readiness check failed", e);
            }
        }, ready -> Replies.json(ctx, 200, UP));
    }

    void metrics(RoutingContext ctx) {
        ctx.response().setStatusCode(200).putHeader(HttpHeaders.CONTENT_TYPE, METRICS_CONTENT_TYPE)
                .end(metrics.scrape(METRICS_CONTENT_TYPE));
    }
}
