package dev.connect.oauth.application.service;

import dev.connect.oauth.application.port.in.PurgeShortLivedRecordsUseCase;
import dev.connect.oauth.application.port.out.AttemptCounterStore;
import dev.connect.oauth.application.port.out.JtiStore;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/** Deletes ended attempt counts and expired JWT ids in bounded batches, so one purge never holds the store for long. */
public final class PurgeShortLivedRecordsService implements PurgeShortLivedRecordsUseCase {
    static final int BATCH = 1_000;

    private final AttemptCounterStore counters;
    private final JtiStore jtis;
    private final Clock clock;

    @Inject
    public PurgeShortLivedRecordsService(AttemptCounterStore counters, JtiStore jtis, Clock clock) {
        this.counters = Objects.requireNonNull(counters, "counters");
        this.jtis = Objects.requireNonNull(jtis, "jtis");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public int purge() {
        Instant now = clock.instant();
        return counters.purgeEnded(now, BATCH) + jtis.purgeExpired(now, BATCH);
    }
}
