package dev.connect.oauth.bootstrap;

import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmInfoMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import java.util.Objects;
import java.util.Optional;

/**
 * The server's one metrics registry and its tracing, made from the configuration before the
 * object graph and handed to the adapters by the wiring.
 *
 * <p>The registry is Prometheus's (rendered by {@code /metrics}), with the JVM's meters (memory,
 * GC, threads, class loading, JVM version; process uptime, CPU and file descriptors) bound at once; the
 * adapters add theirs, and {@link ConnectServer} adds Vert.x's.
 *
 * <p>Tracing records spans only when an OTLP endpoint is configured: then an SDK samples new
 * traces at the configured ratio (a caller's sampled trace is always followed) and a batch
 * processor exports them off the request path. Otherwise the tracer is the API's no-op one with the
 * W3C propagator alone: no span is recorded, yet a caller's trace id still reaches the log lines.
 */
final class Telemetry implements AutoCloseable {
    static final String SERVICE_NAME = "connect-oauth";

    private final PrometheusMeterRegistry meters;
    private final JvmGcMetrics gcMetrics;
    private final OpenTelemetry openTelemetry;
    private final Optional<SdkTracerProvider> tracing;

    private Telemetry(PrometheusMeterRegistry meters, JvmGcMetrics gcMetrics, OpenTelemetry openTelemetry,
                      Optional<SdkTracerProvider> tracing) {
        this.meters = meters;
        this.gcMetrics = gcMetrics;
        this.openTelemetry = openTelemetry;
        this.tracing = tracing;
    }

    /** The registry, and tracing that exports to the configured OTLP endpoint, if any. */
    static Telemetry start(ServerConfig.Observability config) {
        return start(config, config.otlpEndpoint().map(endpoint -> BatchSpanProcessor.builder(
                OtlpHttpSpanExporter.builder().setEndpoint(endpoint + "/v1/traces").build()).build()));
    }

    /** The registry, and tracing that records spans into {@code spans} when one is given. */
    static Telemetry start(ServerConfig.Observability config, Optional<SpanProcessor> spans) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(spans, "spans");
        PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new ClassLoaderMetrics().bindTo(meters);
        new JvmMemoryMetrics().bindTo(meters);
        JvmGcMetrics gcMetrics = new JvmGcMetrics();
        gcMetrics.bindTo(meters);
        new JvmThreadMetrics().bindTo(meters);
        new JvmInfoMetrics().bindTo(meters);
        new ProcessorMetrics().bindTo(meters);
        new UptimeMetrics().bindTo(meters);
        new FileDescriptorMetrics().bindTo(meters);
        ContextPropagators w3c = ContextPropagators.create(W3CTraceContextPropagator.getInstance());
        Optional<SdkTracerProvider> tracing = spans.map(processor -> SdkTracerProvider.builder()
                .setResource(Resource.getDefault().merge(Resource.create(
                        Attributes.of(AttributeKey.stringKey("service.name"), SERVICE_NAME))))
                .setSampler(Sampler.parentBased(Sampler.traceIdRatioBased(config.sampleRatio())))
                .addSpanProcessor(processor)
                .build());
        OpenTelemetry openTelemetry = tracing.<OpenTelemetry>map(provider -> OpenTelemetrySdk.builder()
                        .setTracerProvider(provider).setPropagators(w3c).build())
                .orElseGet(() -> OpenTelemetry.propagating(w3c));
        return new Telemetry(meters, gcMetrics, openTelemetry, tracing);
    }

    PrometheusMeterRegistry meters() {
        return meters;
    }

    OpenTelemetry openTelemetry() {
        return openTelemetry;
    }

    /** Exports the spans still buffered, then stops the meters that watch the JVM. */
    @Override
    public void close() {
        tracing.ifPresent(SdkTracerProvider::close);
        gcMetrics.close();
        meters.close();
    }
}
