package dev.connect.oauth.adapter.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Maintenance mode (API.md §5): while on, every endpoint but health answers 503 with
 * {@code Retry-After}. The admin toggle stays reachable, or maintenance could never be switched
 * off over HTTP.
 *
 * <p>The switch is this node's: an admin call turns it on for the node that serves the call. A
 * cluster switches every node through configuration, or one admin call per node.
 */
final class MaintenanceMode implements Handler<RoutingContext> {
    static final String TOGGLE_PATH = "/api/v1/maintenance";
    private static final String HEALTH_PREFIX = "/health/";

    private final AtomicBoolean on;
    private final Duration retryAfter;

    MaintenanceMode(boolean initiallyOn, Duration retryAfter) {
        this.on = new AtomicBoolean(initiallyOn);
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
    }

    boolean isOn() {
        return on.get();
    }

    void set(boolean enabled) {
        on.set(enabled);
    }

    @Override
    public void handle(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        if (on.get() && !path.startsWith(HEALTH_PREFIX) && !path.equals(TOGGLE_PATH)) {
            ctx.fail(HttpProblem.unavailable(
                    "Service Unavailable -- We are temporarily offline for maintenance. Please try again later.", retryAfter));
            return;
        }
        ctx.next();
    }
}
