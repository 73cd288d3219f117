package dev.connect.oauth.adapter.persistence;

import dev.connect.oauth.application.port.out.StoreHealth;
import dev.connect.oauth.application.port.out.StoreUnavailableException;
import java.util.Objects;

/**
 * {@link StoreHealth}: one round trip ({@code SELECT 1}) through the pool, so it fails within the
 * pool's connection timeout (or the driver's socket timeout) when the database does not answer.
 * For a readiness probe any failure means "not ready", so every failure is reported as unavailable.
 */
final class JooqStoreHealth implements StoreHealth {
    private final JooqDatabase database;

    JooqStoreHealth(JooqDatabase database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    @Override
    public void ping() throws StoreUnavailableException {
        try {
            database.execute(ctx -> ctx.selectOne().fetch());
        } catch (StoreUnavailableException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new StoreUnavailableException("The database did not answer the health check", e);
        }
    }
}
