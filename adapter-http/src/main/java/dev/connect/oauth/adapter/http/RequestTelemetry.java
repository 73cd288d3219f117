package dev.connect.oauth.adapter.http;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.slf4j.MDC;

/**
 * Observes every request: its time and status in {@link HttpMetrics} under its route template,
 * and a server span named {@code METHOD /route/template} that continues the caller's trace when
 * the request carries a W3C {@code traceparent}. The span's context goes with the request's use
 * case to its virtual thread (so the store's spans become its children), and the request and
 * trace ids go into the SLF4J MDC around the use case and the adapter's own log lines.
 *
 * <p>Attributes follow the OpenTelemetry HTTP semantic conventions, and are only computed for a
 * span that records: an unsampled or no-op tracer costs a span object and nothing more.
 *
 * @see <a href="https://www.w3.org/TR/trace-context/#traceparent-header">W3C Trace Context §3.2</a>
 * @see <a href="https://opentelemetry.io/docs/specs/semconv/http/http-spans/">OpenTelemetry HTTP spans</a>
 */
final class RequestTelemetry implements Handler<RoutingContext> {
    /** MDC keys of the log lines written while a request is served. */
    static final String REQUEST_ID = "request_id";
    static final String TRACE_ID = "trace_id";
    static final String SPAN_ID = "span_id";

    private static final String CONTEXT_KEY = "connect.traceContext";
    private static final String OTHER_METHOD = "OTHER";
    private static final AttributeKey<String> METHOD = AttributeKey.stringKey("http.request.method");
    private static final AttributeKey<String> PATH = AttributeKey.stringKey("url.path");
    private static final AttributeKey<String> ROUTE = AttributeKey.stringKey("http.route");
    private static final AttributeKey<Long> STATUS = AttributeKey.longKey("http.response.status_code");
    private static final TextMapGetter<HttpServerRequest> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(HttpServerRequest request) {
            return request.headers().names();
        }

        @Override
        public String get(HttpServerRequest request, String key) {
            return request == null ? null : request.getHeader(key);
        }
    };

    private final HttpMetrics metrics;
    private final Tracer tracer;
    private final TextMapPropagator propagator;

    RequestTelemetry(HttpMetrics metrics, OpenTelemetry openTelemetry) {
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(openTelemetry, "openTelemetry");
        this.tracer = openTelemetry.getTracer("dev.connect.oauth.adapter.http");
        this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
    }

    /**
     * Starts the span and counts the answer once it has been sent. Methods outside the standard
     * set count as {@code OTHER}: callers may invent any number of them.
     */
    @Override
    public void handle(RoutingContext ctx) {
        long start = System.nanoTime();
        HttpServerRequest request = ctx.request();
        String method = HttpMethod.values().contains(request.method()) ? request.method().name() : OTHER_METHOD;
        Context parent = propagator.extract(Context.root(), request, HEADERS);
        Span span = tracer.spanBuilder(method).setParent(parent).setSpanKind(SpanKind.SERVER).startSpan();
        if (span.isRecording()) {
            span.setAttribute(METHOD, method).setAttribute(PATH, request.path());
        }
        ctx.put(CONTEXT_KEY, parent.with(span));
        ctx.addEndHandler(done -> {
            String route = RouteTable.route(ctx);
            int status = ctx.response().getStatusCode();
            metrics.recordRequest(method, route, status, System.nanoTime() - start);
            if (span.isRecording()) {
                if (!RouteTable.UNMATCHED.equals(route)) {
                    span.updateName(method + " " + route).setAttribute(ROUTE, route);
                }
                span.setAttribute(STATUS, status);
                if (status >= 500 || done.failed()) {
                    span.setStatus(StatusCode.ERROR);
                }
            }
            span.end();
        });
        ctx.next();
    }

    /**
     * {@code work} as it should run on another thread for this request: inside the request's
     * span (so that spans it starts are children of it) and with the request's ids in the MDC.
     */
    static <T> Callable<T> propagate(RoutingContext ctx, Callable<T> work) {
        Context trace = traceContext(ctx);
        String requestId = CommonHeaders.requestId(ctx);
        return () -> {
            try (Scope scope = trace.makeCurrent(); LogContext log = new LogContext(requestId, trace)) {
                return work.call();
            }
        };
    }

    /** The request's ids in the MDC until closed: wrap each log call made for the request on an event loop. */
    static LogContext logContext(RoutingContext ctx) {
        return new LogContext(CommonHeaders.requestId(ctx), traceContext(ctx));
    }

    private static Context traceContext(RoutingContext ctx) {
        Context context = ctx.get(CONTEXT_KEY);
        return context == null ? Context.root() : context;
    }

    /** The request id, and the trace and span ids when a trace is known, in the MDC of this thread. */
    static final class LogContext implements AutoCloseable {
        private final boolean traced;

        private LogContext(String requestId, Context trace) {
            SpanContext span = Span.fromContext(trace).getSpanContext();
            this.traced = span.isValid();
            MDC.put(REQUEST_ID, requestId);
            if (traced) {
                MDC.put(TRACE_ID, span.getTraceId());
                MDC.put(SPAN_ID, span.getSpanId());
            }
        }

        @Override
        public void close() {
            MDC.remove(REQUEST_ID);
            if (traced) {
                MDC.remove(TRACE_ID);
                MDC.remove(SPAN_ID);
            }
        }
    }
}
