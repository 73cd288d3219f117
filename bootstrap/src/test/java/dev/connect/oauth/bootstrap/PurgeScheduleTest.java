package dev.connect.oauth.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connect.oauth.application.port.in.PurgeExpiredDataUseCase;
import dev.connect.oauth.application.port.out.StoreUnavailableException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PurgeScheduleTest {
    @Test
    void whenRunsFailThenTheScheduleGoesOnOnAPlatformThreadOfItsOwn() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        AtomicBoolean onPurgeThread = new AtomicBoolean();
        CountDownLatch recovered = new CountDownLatch(1);
        PurgeExpiredDataUseCase flaky = retention -> {
            Thread thread = Thread.currentThread();
            onPurgeThread.set(!thread.isVirtual() && thread.isDaemon() && thread.getName().equals("connect-purge"));
            if (runs.incrementAndGet() <= 2) {
                throw new StoreUnavailableException("database away", null);
            }
            recovered.countDown();
            return new PurgeExpiredDataUseCase.Purged(1, 0, 0, 0, 0, 0);
        };

        try (PurgeSchedule schedule = PurgeSchedule.start(flaky, Duration.ofMillis(20), Duration.ofDays(90))) {
            assertThat(recovered.await(10, TimeUnit.SECONDS)).as("a run after two failures").isTrue();
        }

        assertThat(runs.get()).isGreaterThanOrEqualTo(3);
        assertThat(onPurgeThread).isTrue();
    }
}
