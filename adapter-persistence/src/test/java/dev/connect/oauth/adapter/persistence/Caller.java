package dev.connect.oauth.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;

/**
 * A caller of a batching component ({@link GroupCommit}, {@link GroupLookup}) on a platform thread of
 * its own, whose state the test can see: waiting means its call is queued.
 */
record Caller<T>(Thread thread, FutureTask<T> task) {
    static final long WAIT_SECONDS = 30;

    static <T> Caller<T> start(Callable<T> call) {
        FutureTask<T> task = new FutureTask<>(call);
        Thread thread = Thread.ofPlatform().daemon().start(task);
        return new Caller<>(thread, task);
    }

    /** Until every caller waits for its answer: a bounded loop, not a timing assertion. */
    static void awaitWaiting(List<? extends Caller<?>> callers) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (!callers.stream().allMatch(Caller::isWaiting)) {
            assertThat(System.nanoTime() - deadline).as("callers queued in time").isNegative();
            Thread.sleep(5);
        }
    }

    boolean isDone() {
        return task.isDone();
    }

    boolean isWaiting() {
        return thread.getState() == Thread.State.WAITING;
    }

    T get() throws Exception {
        return task.get(WAIT_SECONDS, TimeUnit.SECONDS);
    }
}
