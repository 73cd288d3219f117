package dev.connect.oauth.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connect.oauth.application.port.in.CheckReadinessUseCase;
import dev.connect.oauth.application.port.out.StoreUnavailableException;
import dev.connect.oauth.application.testdata.TestApplication;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** A server span per request, continuing the caller's W3C trace; the use case runs inside it. */
class RequestTelemetryTest {
    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String CALLER_SPAN_ID = "00f067aa0ba902b7";
    private static final String TRACEPARENT = "00-" + TRACE_ID + "-" + CALLER_SPAN_ID + "-01";

    private final InMemorySpanExporter spans = InMemorySpanExporter.create();
    private final OpenTelemetrySdk openTelemetry = OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
            .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
            .build();
    private final AtomicReference<Map<String, String>> useCaseMdc = new AtomicReference<>();
    private final AtomicBoolean storeDown = new AtomicBoolean();
    private final TestServer server;

    RequestTelemetryTest() {
        TestApplication app = new TestApplication();
        CheckReadinessUseCase readiness = () -> {
            // What a store adapter does: a client span under whatever span is current.
            openTelemetry.getTracer("store").spanBuilder("SELECT").setSpanKind(SpanKind.CLIENT).startSpan().end();
            useCaseMdc.set(MDC.getCopyOfContextMap());
            if (storeDown.get()) {
                throw new StoreUnavailableException("down", new IllegalStateException("down"));
            }
        };
        server = TestServer.start(app, settings -> settings, TestServer.useCases(app, app.getJwkSet, readiness),
                new HttpTelemetry(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), openTelemetry));
    }

    @AfterEach
    void stop() {
        server.close();
        openTelemetry.close();
    }

    @Test
    void requestWhenTraceparentGivenThenServerSpanContinuesTheCallersTrace() {
        Reply reply = server.get("/health/ready", "traceparent", TRACEPARENT, "X-Request-Id", "req-42");

        assertThat(reply.status()).isEqualTo(200);
        SpanData request = serverSpan();
        assertThat(request.getName()).isEqualTo("GET /health/ready");
        assertThat(request.getTraceId()).isEqualTo(TRACE_ID);
        assertThat(request.getParentSpanId()).isEqualTo(CALLER_SPAN_ID);
        assertThat(request.getAttributes().get(AttributeKey.stringKey("http.route"))).isEqualTo("/health/ready");
        assertThat(request.getAttributes().get(AttributeKey.longKey("http.response.status_code"))).isEqualTo(200L);
    }

    @Test
    void requestWhenUseCaseStartsSpansThenTheyAreChildrenOfTheServerSpan() {
        server.get("/health/ready", "traceparent", TRACEPARENT);

        SpanData request = serverSpan();
        SpanData store = spans.getFinishedSpanItems().stream().filter(span -> span.getKind() == SpanKind.CLIENT)
                .findFirst().orElseThrow();
        assertThat(store.getTraceId()).isEqualTo(TRACE_ID);
        assertThat(store.getParentSpanId()).isEqualTo(request.getSpanId());
    }

    @Test
    void requestWhenUseCaseRunsThenRequestAndTraceIdsAreInItsMdc() {
        server.get("/health/ready", "traceparent", TRACEPARENT, "X-Request-Id", "req-42");

        assertThat(useCaseMdc.get()).containsEntry("request_id", "req-42").containsEntry("trace_id", TRACE_ID)
                .containsEntry("span_id", serverSpan().getSpanId());
    }

    @Test
    void requestWhenNoTraceparentThenNewTraceAndNoParent() {
        server.get("/health/live");

        SpanData request = serverSpan();
        assertThat(request.getParentSpanContext().isValid()).isFalse();
        assertThat(request.getTraceId()).isNotEqualTo(TRACE_ID);
    }

    @Test
    void requestWhenUnknownPathThenSpanNamedByMethodOnly() {
        server.get("/no/such/path");

        assertThat(serverSpan().getName()).isEqualTo("GET");
    }

    @Test
    void requestWhenAnswerIs5xxThenSpanStatusIsError() {
        storeDown.set(true);

        assertThat(server.get("/health/ready").status()).isEqualTo(503);

        assertThat(serverSpan().getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    }

    /** The one server span, ended once the answer was sent: possibly just after the client read it. */
    private SpanData serverSpan() {
        List<SpanData> servers = List.of();
        for (int attempt = 0; attempt < 500 && servers.isEmpty(); attempt++) {
            servers = spans.getFinishedSpanItems().stream().filter(span -> span.getKind() == SpanKind.SERVER).toList();
            if (servers.isEmpty()) {
                sleep();
            }
        }
        assertThat(servers).hasSize(1);
        return servers.get(0);
    }

    private static void sleep() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
