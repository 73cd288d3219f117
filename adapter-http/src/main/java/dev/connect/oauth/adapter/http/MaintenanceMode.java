package dev.connect.oauth.adapter.http;

import dev.connect.oauth.application.port.in.CheckMaintenanceUseCase;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.Objects;

/**
 * Maintenance mode (API.md §5): while on, every endpoint but health answers 503 with
 * {@code Retry-After}. The admin toggle stays reachable, or maintenance could never be switched
 * off over HTTP.
 *
 * <p>On when the fleet's switch is (as this node last read it: the check never waits for the
 * store), or when this node's configuration forces it ({@link HttpSettings#maintenance()}), which
 * the switch cannot undo: a node started in maintenance stays in it until restarted without.
 */
final class MaintenanceMode implements Handler<RoutingContext> {
    static final String TOGGLE_PATH = "/api/v1/maintenance";
    private static final String HEALTH_PREFIX = "/health/";

    private final CheckMaintenanceUseCase fleetSwitch;
    private final boolean forced;
    private final Duration retryAfter;

    MaintenanceMode(CheckMaintenanceUseCase fleetSwitch, boolean forced, Duration retryAfter) {
        this.fleetSwitch = Objects.requireNonNull(fleetSwitch, "fleetSwitch");
        this.forced = forced;
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
    }

    /** Whether this node's configuration forces maintenance, whatever the fleet's switch says. */
    boolean isForced() {
        return forced;
    }

    @Override
    public void handle(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        if ((forced || fleetSwitch.isOn()) && !path.startsWith(HEALTH_PREFIX) && !path.equals(TOGGLE_PATH)) {
            ctx.fail(HttpProblem.unavailable(
                    "Service Unavailable -- We are temporarily offline for maintenance. Please try again later.", retryAfter));
            return;
        }
        ctx.next();
    }
}
