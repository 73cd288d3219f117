package dev.connect.oauth.adapter.persistence;

import static dev.connect.oauth.adapter.persistence.jooq.Tables.SERVER_SECRETS;

import dev.connect.oauth.application.port.out.ServerSecretRepository;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jooq.exception.IntegrityConstraintViolationException;

/**
 * {@link ServerSecretRepository} on {@code server_secrets}: the primary key on the name makes the
 * first insert win across nodes ({@code INSERT IGNORE}), and every caller then reads the winner.
 */
final class JooqServerSecretRepository implements ServerSecretRepository {
    private final JooqDatabase database;

    JooqServerSecretRepository(JooqDatabase database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    @Override
    public Optional<String> find(String name) {
        Objects.requireNonNull(name, "name");
        return database.query(ctx -> ctx.select(SERVER_SECRETS.SEALED_VALUE).from(SERVER_SECRETS)
                .where(SERVER_SECRETS.NAME.eq(name))
                .fetchOptional(SERVER_SECRETS.SEALED_VALUE));
    }

    @Override
    public String addIfAbsent(String name, String sealedValue, Instant at) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sealedValue, "sealedValue");
        Objects.requireNonNull(at, "at");
        ServerSecretRepository.requireValidName(name);
        return database.query(ctx -> {
            try {
                ctx.insertInto(SERVER_SECRETS)
                        .set(SERVER_SECRETS.NAME, name)
                        .set(SERVER_SECRETS.SEALED_VALUE, sealedValue)
                        .set(SERVER_SECRETS.CREATED_AT, EpochNanos.of(at))
                        .onDuplicateKeyIgnore()
                        .execute();
            } catch (IntegrityConstraintViolationException lostTheRace) {
                // H2 emulates the ignore with a check before the insert: a concurrent add won.
            }
            return ctx.select(SERVER_SECRETS.SEALED_VALUE).from(SERVER_SECRETS)
                    .where(SERVER_SECRETS.NAME.eq(name))
                    .fetchSingle(SERVER_SECRETS.SEALED_VALUE);
        });
    }

    /** One conditional {@code UPDATE}: the compare-and-set holds across nodes. */
    @Override
    public boolean replace(String name, String expected, String replacement) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(replacement, "replacement");
        return database.query(ctx -> ctx.update(SERVER_SECRETS)
                .set(SERVER_SECRETS.SEALED_VALUE, replacement)
                .where(SERVER_SECRETS.NAME.eq(name).and(SERVER_SECRETS.SEALED_VALUE.eq(expected)))
                .execute()) == 1;
    }
}
