package dev.connect.oauth.adapter.persistence;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import java.util.Locale;
import java.util.Objects;
import org.jooq.Delete;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.Insert;
import org.jooq.Merge;
import org.jooq.Query;
import org.jooq.SQLDialect;
import org.jooq.Select;
import org.jooq.Update;

/**
 * A client span per statement jOOQ runs, from before the pool hands out a connection to the last
 * row fetched, as a child of the span current on the calling thread (the request's, in the
 * server). It is named by the operation ({@code SELECT}, {@code UPDATE}...) and carries the SQL
 * jOOQ sent: bind values stay out of it, so no token hash or secret reaches a trace.
 *
 * <p>Only a span that records gets attributes: with tracing off this costs a no-op span.
 *
 * @see <a href="https://opentelemetry.io/docs/specs/semconv/database/database-spans/">OpenTelemetry database spans</a>
 */
final class TracingExecuteListener implements ExecuteListener {
    private static final String SPAN = "connect.span";
    private static final AttributeKey<String> SYSTEM = AttributeKey.stringKey("db.system.name");
    private static final AttributeKey<String> OPERATION = AttributeKey.stringKey("db.operation.name");
    private static final AttributeKey<String> QUERY = AttributeKey.stringKey("db.query.text");

    private final Tracer tracer;
    private final String system;

    TracingExecuteListener(Tracer tracer, SQLDialect dialect) {
        this.tracer = Objects.requireNonNull(tracer, "tracer");
        this.system = Objects.requireNonNull(dialect, "dialect").family().name().toLowerCase(Locale.ROOT);
    }

    @Override
    public void start(ExecuteContext ctx) {
        String operation = operation(ctx);
        Span span = tracer.spanBuilder(operation).setSpanKind(SpanKind.CLIENT).startSpan();
        if (span.isRecording()) {
            span.setAttribute(SYSTEM, system).setAttribute(OPERATION, operation);
        }
        ctx.data(SPAN, span);
    }

    @Override
    public void executeStart(ExecuteContext ctx) {
        Span span = span(ctx);
        if (span.isRecording() && ctx.sql() != null) {
            span.setAttribute(QUERY, ctx.sql());
        }
    }

    @Override
    public void exception(ExecuteContext ctx) {
        Span span = span(ctx);
        if (ctx.exception() != null) {
            span.recordException(ctx.exception()).setStatus(StatusCode.ERROR);
        }
    }

    @Override
    public void end(ExecuteContext ctx) {
        span(ctx).end();
    }

    /** The statement's span; an invalid one, whose calls do nothing, when {@link #start} did not run. */
    private static Span span(ExecuteContext ctx) {
        return ctx.data(SPAN) instanceof Span span ? span : Span.getInvalid();
    }

    private static String operation(ExecuteContext ctx) {
        Query query = ctx.query();
        if (query instanceof Select<?>) {
            return "SELECT";
        } else if (query instanceof Insert<?>) {
            return "INSERT";
        } else if (query instanceof Update<?>) {
            return "UPDATE";
        } else if (query instanceof Delete<?>) {
            return "DELETE";
        } else if (query instanceof Merge<?>) {
            return "MERGE";
        }
        return ctx.type().name();
    }
}
