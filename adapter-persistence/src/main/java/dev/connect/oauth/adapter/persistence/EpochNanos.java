package dev.connect.oauth.adapter.persistence;

import java.time.Instant;
import java.util.Optional;

/**
 * Instants as the schema keeps them: BIGINT nanoseconds since the epoch. Exact for every
 * {@link Instant} from 1677 to 2262, and untouched by the session time zones that DATETIME and
 * TIMESTAMP columns go through on MySQL.
 */
final class EpochNanos {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private EpochNanos() {
    }

    /** @throws ArithmeticException for an instant outside 1677–2262, which no token or key lives to */
    static long of(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), NANOS_PER_SECOND), instant.getNano());
    }

    static Long of(Optional<Instant> instant) {
        return instant.map(EpochNanos::of).orElse(null);
    }

    static Instant toInstant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, NANOS_PER_SECOND), Math.floorMod(nanos, NANOS_PER_SECOND));
    }

    static Optional<Instant> toOptionalInstant(Long nanos) {
        return Optional.ofNullable(nanos).map(EpochNanos::toInstant);
    }
}
