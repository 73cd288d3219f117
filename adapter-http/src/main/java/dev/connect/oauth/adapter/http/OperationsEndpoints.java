package dev.connect.oauth.adapter.http;

import dev.connect.oauth.application.port.out.StoreUnavailableException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Objects;

/**
 * Health and metrics (API.md §5): {@code /health/live} answers while the process serves HTTP;
 * {@code /health/ready} only while the store answers too (503 otherwise, so a load balancer
 * stops sending traffic); {@code /metrics} in the Prometheus text format.
 */
final class OperationsEndpoints {
    private static final String UP = new JsonObject().put("status", "UP").encode();

    private final HttpUseCases useCases;
    private final UseCaseExecutor executor;
    private final HttpMetrics metrics;

    OperationsEndpoints(HttpUseCases useCases, UseCaseExecutor executor, HttpMetrics metrics) {
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
        ctx.response().setStatusCode(200).putHeader(HttpHeaders.CONTENT_TYPE, HttpMetrics.CONTENT_TYPE).end(metrics.scrape());
    }

    /**
     * Counts every answer under its route template, once it has been sent. Methods outside the
     * standard set count as {@code OTHER}: callers may invent any number of them.
     */
    void track(RoutingContext ctx) {
        long start = System.nanoTime();
        HttpMethod requested = ctx.request().method();
        String method = HttpMethod.values().contains(requested) ? requested.name() : "OTHER";
        ctx.addEndHandler(done -> metrics.recordRequest(method, RouteTable.route(ctx),
                ctx.response().getStatusCode(), System.nanoTime() - start));
        ctx.next();
    }
}
