package dev.connect.oauth.adapter.persistence;

import dev.connect.oauth.application.port.out.StoreUnavailableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * What the {@link GroupCommit} and the {@link GroupLookup} share: callers' calls wait in a bounded
 * queue for threads of the queue's own, each of which takes the first waiting call at once (an
 * idle queue adds only the hand-over), adds whatever else is waiting, up to the batch size, and
 * serves them together; each caller waits for its own answer. A caller waits at most the enqueue
 * timeout for room, and then fails with {@link StoreUnavailableException} (503), as it would
 * waiting for a pooled connection.
 *
 * @param <C> a call
 * @param <A> its answer
 */
final class BatchQueue<C, A> implements AutoCloseable {
    private final BlockingQueue<Call<C, A>> queue;
    private final int maxBatch;
    private final Duration enqueueTimeout;
    private final String waiting;
    private final Consumer<List<Call<C, A>>> serve;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean closed;

    /**
     * @param name           names the threads, numbered from 0
     * @param threads        how many batches may be served at once
     * @param maxBatch       the most calls one batch takes
     * @param queueCapacity  how many calls may wait
     * @param enqueueTimeout how long a caller waits for room in a full queue
     * @param waiting        what waits, for the message of a full queue ("writes")
     * @param serve          serves a batch, answering every call of it
     */
    BatchQueue(String name, int threads, int maxBatch, int queueCapacity, Duration enqueueTimeout, String waiting,
               Consumer<List<Call<C, A>>> serve) {
        if (threads < 1 || maxBatch < 1 || queueCapacity < 1) {
            throw new IllegalArgumentException("threads, maxBatch and queueCapacity must be positive");
        }
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.maxBatch = maxBatch;
        this.enqueueTimeout = Objects.requireNonNull(enqueueTimeout, "enqueueTimeout");
        this.waiting = Objects.requireNonNull(waiting, "waiting");
        this.serve = Objects.requireNonNull(serve, "serve");
        for (int i = 0; i < threads; i++) {
            this.threads.add(Thread.ofPlatform().daemon().name(name + i).start(this::serveLoop));
        }
    }

    /** Queues {@code request} and returns its answer once its batch was served; throws what serving it threw. */
    A call(C request) {
        Call<C, A> queued = new Call<>(Objects.requireNonNull(request, "request"), new CompletableFuture<>());
        try {
            if (closed || !queue.offer(queued, enqueueTimeout.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new StoreUnavailableException("Too many " + waiting + " are waiting for the database", null);
            }
            return queued.answer().get();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("Interrupted while waiting for the database", interrupted);
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw (Error) failed.getCause();
        }
    }

    /** Stops the threads; calls still queued fail with {@link StoreUnavailableException}. */
    @Override
    public void close() {
        closed = true;
        threads.forEach(Thread::interrupt);
        List<Call<C, A>> left = new ArrayList<>();
        queue.drainTo(left);
        left.forEach(queued -> queued.answer().completeExceptionally(
                new StoreUnavailableException("The store is closed", null)));
    }

    private void serveLoop() {
        List<Call<C, A>> batch = new ArrayList<>(maxBatch);
        while (!closed) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException stop) {
                return;
            }
            queue.drainTo(batch, maxBatch - 1);
            serve.accept(batch);
            batch.clear();
        }
    }

    /** One caller's call, and the answer it waits for. */
    record Call<C, A>(C request, CompletableFuture<A> answer) {
    }
}
