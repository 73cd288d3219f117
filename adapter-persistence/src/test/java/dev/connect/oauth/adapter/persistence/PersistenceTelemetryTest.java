package dev.connect.oauth.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connect.oauth.domain.Account;
import dev.connect.oauth.testkit.testdata.TestAccounts;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The pool's meters and a span per statement, on H2. */
class PersistenceTelemetryTest {
    private final H2TestDatabase database = new H2TestDatabase();
    private final InMemorySpanExporter spans = InMemorySpanExporter.create();
    private final SdkTracerProvider tracing =
            SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build();
    private final Tracer tracer = tracing.get("test");
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final PersistenceAdapter adapter =
            PersistenceAdapter.open(database.settings(), new PersistenceTelemetry(meters, tracer));

    @AfterEach
    void close() {
        adapter.close();
        database.close();
        tracing.close();
    }

    @Test
    void openWhenRegistryGivenThenPoolMetersAreInIt() {
        adapter.health().ping();

        assertThat(meters.get("hikaricp.connections.max").tag("pool", "connect-db").gauge().value()).isPositive();
        assertThat(meters.get("hikaricp.connections.active").tag("pool", "connect-db").gauge()).isNotNull();
        assertThat(meters.get("hikaricp.connections.usage").tag("pool", "connect-db").timer().count()).isPositive();
    }

    @Test
    void portCallWhenSpanCurrentThenEachStatementIsAChildClientSpan() {
        Account account = TestAccounts.customer().build();
        Span request = tracer.spanBuilder("request").startSpan();
        try (Scope scope = request.makeCurrent()) {
            adapter.accounts().add(account, TestAccounts.keyOf(account));
            adapter.accounts().findById(account.id());
        } finally {
            request.end();
        }

        List<SpanData> statements = spans.getFinishedSpanItems().stream()
                .filter(span -> span.getKind() == SpanKind.CLIENT).toList();
        assertThat(statements).isNotEmpty()
                .allSatisfy(span -> assertThat(span.getParentSpanId()).isEqualTo(request.getSpanContext().getSpanId()))
                .allSatisfy(span -> assertThat(span.getAttributes().get(AttributeKey.stringKey("db.system.name"))).isEqualTo("h2"));
        assertThat(statements).extracting(SpanData::getName).contains("INSERT", "SELECT");
        SpanData select = statements.stream().filter(span -> span.getName().equals("SELECT")).findFirst().orElseThrow();
        assertThat(select.getAttributes().get(AttributeKey.stringKey("db.query.text"))).startsWith("select")
                .doesNotContain(account.email().value());
    }
}
