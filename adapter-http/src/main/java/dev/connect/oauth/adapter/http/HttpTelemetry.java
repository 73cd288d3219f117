package dev.connect.oauth.adapter.http;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import java.util.Objects;

/**
 * Where the HTTP adapter reports what it does: its request and token meters go to
 * {@code meters}, whose whole content {@code /metrics} serves in the Prometheus text format (so
 * the owner may add JVM, pool or Vert.x meters to the same registry); each request becomes a
 * server span of {@code openTelemetry}'s tracer, continuing the trace its W3C {@code traceparent}
 * names as its propagators read it.
 *
 * @param meters        the registry the adapter's meters join and {@code /metrics} renders
 * @param openTelemetry the tracer and propagators of the request spans; a no-op tracer with the
 *                      W3C propagator still tells the caller's trace id to the log lines
 * @see <a href="https://www.w3.org/TR/trace-context/">W3C Trace Context</a>
 */
public record HttpTelemetry(PrometheusMeterRegistry meters, OpenTelemetry openTelemetry) {
    public HttpTelemetry {
        Objects.requireNonNull(meters, "meters");
        Objects.requireNonNull(openTelemetry, "openTelemetry");
    }

    /** A registry of the adapter's own and no span recorded: the caller's trace id is still read. */
    public static HttpTelemetry standalone() {
        return new HttpTelemetry(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
                OpenTelemetry.propagating(ContextPropagators.create(W3CTraceContextPropagator.getInstance())));
    }
}
