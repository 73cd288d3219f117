package dev.connect.oauth.bootstrap;

import dev.connect.oauth.application.port.in.PurgeShortLivedRecordsUseCase;
import dev.connect.oauth.application.port.in.RefreshMaintenanceUseCase;
import dev.connect.oauth.application.port.in.RefreshRevocationsUseCase;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The background work that keeps this node in step with the shared store: it rereads the
 * maintenance switch every {@code CONNECT_MAINTENANCE_REFRESH_MILLIS} (so a switch made on another
 * node shows here within that interval plus one read), and purges ended attempt counts and expired JWT ids every
 * minute, on one daemon thread; and it polls the revocations for the token-check cache every half
 * {@code CONNECT_REVOCATION_DELAY_MILLIS} on a second one, so that a slow purge never makes the
 * cache stale. A failed run is logged and the next one runs on time.
 */
final class SharedStateRefresh implements AutoCloseable {
    static final Duration PURGE_INTERVAL = Duration.ofMinutes(1);
    private static final System.Logger LOG = System.getLogger(SharedStateRefresh.class.getName());

    private final ScheduledExecutorService scheduler = daemon("connect-shared-state");
    private final ScheduledExecutorService revocationPoll = daemon("connect-revocations");

    /**
     * Reads the switch and the revocations once now (so the node starts with the fleet's switch and
     * a cache that may answer), then keeps the tasks running.
     */
    SharedStateRefresh(RefreshMaintenanceUseCase maintenance, PurgeShortLivedRecordsUseCase purge, Duration interval,
                       RefreshRevocationsUseCase revocations, Duration revocationInterval) {
        Objects.requireNonNull(maintenance, "maintenance");
        Objects.requireNonNull(purge, "purge");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(revocations, "revocations");
        Objects.requireNonNull(revocationInterval, "revocationInterval");
        maintenance.refresh();
        revocations.refresh();
        // A refresh that finds the store unreachable returns false, and the cache stops answering by itself.
        revocationPoll.scheduleWithFixedDelay(() -> run("poll the revocations", revocations::refresh),
                revocationInterval.toMillis(), revocationInterval.toMillis(), TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(() -> run("refresh the maintenance switch", maintenance::refresh),
                interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(() -> run("purge ended attempt counts and expired JWT ids", purge::purge),
                PURGE_INTERVAL.toMillis(), PURGE_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static ScheduledExecutorService daemon(String name) {
        return Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    private static void run(String what, Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            // A thrown task would be cancelled for good; this one tries again at its next turn.
            LOG.log(Level.WARNING, "Could not " + what + ": " + e);
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        revocationPoll.shutdownNow();
    }
}
