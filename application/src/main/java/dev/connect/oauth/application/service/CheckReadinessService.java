package dev.connect.oauth.application.service;

import dev.connect.oauth.application.port.in.CheckReadinessUseCase;
import dev.connect.oauth.application.port.out.StoreHealth;
import jakarta.inject.Inject;
import java.util.Objects;

/** Readiness: this node can serve when the shared store answers (API.md §5, {@code /health/ready}). */
public final class CheckReadinessService implements CheckReadinessUseCase {
    private final StoreHealth health;

    @Inject
    public CheckReadinessService(StoreHealth health) {
        this.health = Objects.requireNonNull(health, "health");
    }

    @Override
    public void check() {
        health.ping();
    }
}
