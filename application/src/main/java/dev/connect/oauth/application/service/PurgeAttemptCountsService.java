package dev.connect.oauth.application.service;

import dev.connect.oauth.application.port.in.PurgeAttemptCountsUseCase;
import dev.connect.oauth.application.port.out.AttemptCounterStore;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Objects;

/** Deletes ended attempt counts in bounded batches, so one purge never holds the store for long. */
public final class PurgeAttemptCountsService implements PurgeAttemptCountsUseCase {
    static final int BATCH = 1_000;

    private final AttemptCounterStore counters;
    private final Clock clock;

    @Inject
    public PurgeAttemptCountsService(AttemptCounterStore counters, Clock clock) {
        this.counters = Objects.requireNonNull(counters, "counters");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public int purge() {
        return counters.purgeEnded(clock.instant(), BATCH);
    }
}
