package dev.connect.oauth.adapter.crypto;

import dev.connect.oauth.application.port.out.PasswordHasher;
import dev.connect.oauth.application.port.out.TemporarilyUnavailableException;
import dev.connect.oauth.domain.PasswordHash;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A {@link PasswordHasher} that runs at most {@code concurrency} hashes at once and refuses,
 * after a short wait, the ones beyond. Each Argon2id hash takes 19 MiB and a core for tens of
 * milliseconds, and every sign-in (unknown emails too, to take the same time) costs one: without
 * a bound of its own, a flood of sign-ins fills every use-case slot and all memory, and token
 * requests wait behind it. Refusing fast with {@link TemporarilyUnavailableException} (503 and
 * {@code Retry-After}) keeps memory flat and the other endpoints responsive.
 *
 * <p>The hashes run on platform threads of their own, not on the caller's thread: callers are
 * virtual threads, and a virtual thread computing never yields its carrier, so as many hashes as
 * there are cores would hold every carrier and starve every other request of the process. The
 * operating system preempts platform threads; the waiting caller releases its carrier.
 * Thread-safe.
 */
final class BoundedPasswordHasher implements PasswordHasher {
    /** What a refused caller is told: a hash slot frees within a fraction of a second. */
    private static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    private final PasswordHasher delegate;
    private final Semaphore permits;
    private final Duration maxWait;
    private final ExecutorService hashers;

    /**
     * @param concurrency how many hashes may run at once (about the number of cores)
     * @param maxWait     how long a hash may wait for a slot before it is refused
     */
    BoundedPasswordHasher(PasswordHasher delegate, int concurrency, Duration maxWait) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1");
        }
        Objects.requireNonNull(maxWait, "maxWait");
        if (maxWait.isNegative()) {
            throw new IllegalArgumentException("maxWait must not be negative");
        }
        this.permits = new Semaphore(concurrency);
        this.maxWait = maxWait;
        // Never more tasks than threads (the semaphore sees to it); daemon threads, idle ones end.
        ThreadPoolExecutor pool = new ThreadPoolExecutor(concurrency, concurrency, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), Thread.ofPlatform().daemon().name("connect-password-hash-", 0).factory());
        pool.allowCoreThreadTimeOut(true);
        this.hashers = pool;
    }

    @Override
    public PasswordHash hash(String password) {
        return bounded(() -> delegate.hash(password));
    }

    @Override
    public boolean verify(String password, PasswordHash hash) {
        return bounded(() -> delegate.verify(password, hash));
    }

    private <T> T bounded(Callable<T> work) {
        boolean acquired;
        try {
            acquired = permits.tryAcquire(maxWait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy();
        }
        if (!acquired) {
            throw busy();
        }
        try {
            return hashers.submit(work).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException("Password hashing failed", e.getCause());
        } finally {
            permits.release();
        }
    }

    private static TemporarilyUnavailableException busy() {
        return new TemporarilyUnavailableException("Every password hashing slot is busy", Optional.of(RETRY_AFTER), null);
    }
}
