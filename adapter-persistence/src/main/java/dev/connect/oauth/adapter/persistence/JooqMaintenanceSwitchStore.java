package dev.connect.oauth.adapter.persistence;

import static dev.connect.oauth.adapter.persistence.jooq.Tables.SWITCHES;

import dev.connect.oauth.application.port.out.MaintenanceSwitchStore;
import java.time.Instant;
import java.util.Objects;

/**
 * {@link MaintenanceSwitchStore} on the {@code maintenance} row of {@code switches}: one
 * primary-key read, and one upsert ({@code INSERT ... ON DUPLICATE KEY UPDATE}, a {@code MERGE} on
 * H2) that is atomic on its own, the last writer winning.
 */
final class JooqMaintenanceSwitchStore implements MaintenanceSwitchStore {
    static final String NAME = "maintenance";

    private final JooqDatabase database;

    JooqMaintenanceSwitchStore(JooqDatabase database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    @Override
    public boolean isOn() {
        return database.query(ctx -> ctx.select(SWITCHES.ENABLED).from(SWITCHES).where(SWITCHES.NAME.eq(NAME))
                .fetchOptional(SWITCHES.ENABLED).orElse(false));
    }

    @Override
    public void set(boolean on, Instant at) {
        Objects.requireNonNull(at, "at");
        database.execute(ctx -> ctx.insertInto(SWITCHES)
                .set(SWITCHES.NAME, NAME).set(SWITCHES.ENABLED, on).set(SWITCHES.CHANGED_AT, EpochNanos.of(at))
                .onDuplicateKeyUpdate()
                .set(SWITCHES.ENABLED, on).set(SWITCHES.CHANGED_AT, EpochNanos.of(at))
                .execute());
    }
}
