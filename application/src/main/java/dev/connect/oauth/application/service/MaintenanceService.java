package dev.connect.oauth.application.service;

import dev.connect.oauth.application.port.in.CheckMaintenanceUseCase;
import dev.connect.oauth.application.port.in.Principal;
import dev.connect.oauth.application.port.in.RefreshMaintenanceUseCase;
import dev.connect.oauth.application.port.in.SwitchMaintenanceUseCase;
import dev.connect.oauth.application.port.out.AuditEventType;
import dev.connect.oauth.application.port.out.AuditLog;
import dev.connect.oauth.application.port.out.MaintenanceSwitchStore;
import dev.connect.oauth.application.port.out.StoreUnavailableException;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The fleet's maintenance switch (API.md §5): stored in the shared store, and cached in this node's
 * memory so that the check on every request costs nothing. The node that switches follows at
 * once; the others when their background {@link #refresh()} next runs. While the store does not
 * answer, the last value read holds.
 */
@Singleton
public final class MaintenanceService implements CheckMaintenanceUseCase, SwitchMaintenanceUseCase,
        RefreshMaintenanceUseCase {
    private final MaintenanceSwitchStore store;
    private final AuditTrail audit;
    private final Clock clock;
    private volatile boolean on;

    @Inject
    public MaintenanceService(MaintenanceSwitchStore store, AuditLog auditLog, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.audit = new AuditTrail(auditLog);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public boolean isOn() {
        return on;
    }

    // Synchronized with set, so that a refresh that read before a switch cannot undo it here.
    @Override
    public synchronized boolean refresh() {
        try {
            on = store.isOn();
        } catch (StoreUnavailableException unreachable) {
            // The last known value holds until the store answers again.
        }
        return on;
    }

    @Override
    public synchronized boolean set(Principal caller, boolean enabled) {
        Objects.requireNonNull(caller, "caller");
        caller.requireAdmin();
        Instant now = clock.instant();
        store.set(enabled, now);
        on = enabled;
        audit.record(AuditEventType.MAINTENANCE_SWITCHED, Optional.of(caller.account().id()), Optional.empty(),
                enabled ? "on" : "off", now);
        return enabled;
    }
}
