package dev.connect.oauth.adapter.persistence;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.TracerProvider;
import java.util.Objects;

/**
 * Where the persistence adapter reports: the HikariCP pool's meters ({@code hikaricp_connections_*},
 * tagged {@code pool="connect-db"}) go to {@code meters}, and every SQL statement becomes a client
 * span of {@code tracer}, a child of whatever span is current on the calling thread.
 *
 * @param meters the registry of the pool's meters
 * @param tracer the tracer of the statement spans; a no-op tracer records nothing
 */
public record PersistenceTelemetry(MeterRegistry meters, Tracer tracer) {
    public PersistenceTelemetry {
        Objects.requireNonNull(meters, "meters");
        Objects.requireNonNull(tracer, "tracer");
    }

    /** No meter kept (a composite of no registry) and no span recorded. */
    public static PersistenceTelemetry none() {
        return new PersistenceTelemetry(new CompositeMeterRegistry(), TracerProvider.noop().get("none"));
    }
}
