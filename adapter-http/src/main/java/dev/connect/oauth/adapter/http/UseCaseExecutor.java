package dev.connect.oauth.adapter.http;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;

/**
 * Runs the use cases, which block (JDBC, Argon2id), off the event loop: each call gets a virtual
 * thread, and its result is handed back to the event loop that owns the request, where it is
 * rendered.
 *
 * <p>Why not a Vert.x virtual-thread verticle: its context runs one task at a time unless the
 * task awaits a Vert.x future, and a JDBC call does not, so a blocked query would hold up every
 * other request of the verticle. Why not the worker pool: its platform threads sit idle while
 * they wait for the database. Here a virtual thread costs a few hundred bytes while it waits, and
 * a semaphore bounds how many use cases run at once (the rest queue, cheaply, on their virtual
 * threads), so a burst of sign-ins cannot hash passwords until memory runs out.
 */
final class UseCaseExecutor {
    private final ExecutorService threads =
            Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("connect-http-", 0).factory());
    private final Semaphore permits;
    private final Duration retryAfter;

    UseCaseExecutor(int maxConcurrent, Duration retryAfter) {
        this.permits = new Semaphore(maxConcurrent);
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
    }

    /**
     * Runs {@code useCase} on a virtual thread, then {@code render} with its result on the
     * request's event loop; a failure goes to the error mapper. Nothing is rendered for a client
     * that has gone. The use case runs in the request's span and with its ids in the MDC.
     */
    <T> void call(RoutingContext ctx, Callable<T> useCase, Consumer<T> render) {
        submit(ctx.vertx().getOrCreateContext(), RequestTelemetry.propagate(ctx, useCase)).onComplete(result -> {
            if (ctx.response().closed() || ctx.response().ended()) {
                return;
            }
            if (result.failed()) {
                ctx.fail(result.cause());
                return;
            }
            try {
                render.accept(result.result());
            } catch (RuntimeException e) {
                ctx.fail(e);
            }
        });
    }

    /** A future completed on {@code context} with what {@code work} returned or threw. */
    <T> Future<T> submit(Context context, Callable<T> work) {
        Promise<T> promise = Promise.promise();
        try {
            threads.execute(() -> {
                T value = null;
                Throwable failure = null;
                try {
                    permits.acquire();
                    try {
                        value = work.call();
                    } finally {
                        permits.release();
                    }
                } catch (Throwable t) {
                    failure = t;
                }
                T result = value;
                Throwable error = failure;
                context.runOnContext(v -> {
                    if (error == null) {
                        promise.complete(result);
                    } else {
                        promise.fail(error);
                    }
                });
            });
        } catch (RejectedExecutionException e) {
            promise.fail(HttpProblem.unavailable("The server is shutting down. Try again later.", retryAfter));
        }
        return promise.future();
    }

    /** Refuses new work; calls already running finish. */
    void shutdown() {
        threads.shutdown();
    }
}
