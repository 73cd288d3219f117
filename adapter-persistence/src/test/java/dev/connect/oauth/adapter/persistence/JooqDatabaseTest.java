package dev.connect.oauth.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.connect.oauth.application.port.out.StoreUnavailableException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.SQLDialect;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

class JooqDatabaseTest {
    private final JooqDatabase database = new JooqDatabase(DSL.using(SQLDialect.H2));
    private final AtomicInteger attempts = new AtomicInteger();

    private static DataAccessException deadlock() {
        return new DataAccessException("SQL [update ...]", new SQLException("Deadlock found", "40001", 1213));
    }

    @Test
    void queryWhenConflictsStopThenRunsAgainAndReturnsTheResult() {
        String result = database.query(ctx -> {
            if (attempts.incrementAndGet() < 3) {
                throw deadlock();
            }
            return "done";
        });

        assertThat(result).isEqualTo("done");
        assertThat(attempts).hasValue(3);
    }

    @Test
    void queryWhenConflictsGoOnThenStoreUnavailableAfterTheLastAttempt() {
        assertThatThrownBy(() -> database.query(ctx -> {
            attempts.incrementAndGet();
            throw deadlock();
        })).isInstanceOf(StoreUnavailableException.class);

        assertThat(attempts).hasValue(JooqDatabase.ATTEMPTS);
    }

    @Test
    void queryWhenOtherFailureThenNoRetryAndPassesItThrough() {
        DataAccessException duplicate = new DataAccessException("SQL [insert ...]",
                new SQLIntegrityConstraintViolationException("Duplicate entry", "23000", 1062));

        assertThatThrownBy(() -> database.query(ctx -> {
            attempts.incrementAndGet();
            throw duplicate;
        })).isSameAs(duplicate);

        assertThat(attempts).hasValue(1);
    }
}
