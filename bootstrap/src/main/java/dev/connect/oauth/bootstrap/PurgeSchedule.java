package dev.connect.oauth.bootstrap;

import dev.connect.oauth.application.port.in.PurgeExpiredDataUseCase;
import dev.connect.oauth.application.port.in.PurgeExpiredDataUseCase.Purged;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Runs the purge of expired data every {@code interval} on a platform thread of its own, never on
 * an event loop, nor on a virtual thread: on the embedded H2 the purge's deletes run in this
 * process, and a virtual thread computing holds its carrier, which the use cases share (half the
 * cores' worth, see {@link VirtualThreadCarriers}). Every node runs it: the purge needs no lock,
 * and a random first delay spreads the nodes over the interval. A failure (the database away) is
 * logged once, when it starts, and once more when a run succeeds again; it never stops the
 * schedule or the server.
 */
final class PurgeSchedule implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(PurgeSchedule.class.getName());

    private final PurgeExpiredDataUseCase purge;
    private final Duration auditRetention;
    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("connect-purge").factory());
    private boolean failing;

    private PurgeSchedule(PurgeExpiredDataUseCase purge, Duration auditRetention) {
        this.purge = Objects.requireNonNull(purge, "purge");
        this.auditRetention = Objects.requireNonNull(auditRetention, "auditRetention");
    }

    /** Schedules runs every {@code interval}, the first within one interval. */
    static PurgeSchedule start(PurgeExpiredDataUseCase purge, Duration interval, Duration auditRetention) {
        PurgeSchedule schedule = new PurgeSchedule(purge, auditRetention);
        long period = interval.toMillis();
        schedule.timer.scheduleWithFixedDelay(schedule::runOnce, ThreadLocalRandom.current().nextLong(period), period,
                TimeUnit.MILLISECONDS);
        return schedule;
    }

    /** One run; never throws, so the executor keeps scheduling. Runs one at a time on the timer's thread. */
    void runOnce() {
        try {
            Purged purged = purge.purge(auditRetention);
            if (failing) {
                LOG.log(Level.INFO, "The purge of expired data works again");
                failing = false;
            }
            if (purged.total() > 0) {
                LOG.log(Level.INFO, "Purged {0}", purged);
            }
        } catch (RuntimeException e) {
            if (!failing) {
                LOG.log(Level.WARNING, "The purge of expired data failed; it retries every interval: {0}", e.toString());
                failing = true;
            }
        }
    }

    /** Stops the schedule; a run in progress is interrupted. */
    @Override
    public void close() {
        timer.shutdownNow();
    }
}
