package dev.connect.oauth.adapter.persistence;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jooq.DSLContext;

/**
 * The one way the repositories reach the database: each port call runs through {@link #query} (one
 * statement or several independent ones, each committed on its own) or {@link #transaction} (all
 * or nothing), and any failure that means "the database is out of reach" leaves as
 * {@link dev.connect.oauth.application.port.out.StoreUnavailableException}.
 */
final class JooqDatabase {
    private final DSLContext dsl;

    JooqDatabase(DSLContext dsl) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
    }

    <T> T query(Function<DSLContext, T> work) {
        try {
            return work.apply(dsl);
        } catch (RuntimeException e) {
            throw StoreFailures.translate(e);
        }
    }

    void execute(Consumer<DSLContext> work) {
        query(ctx -> {
            work.accept(ctx);
            return null;
        });
    }

    /** Runs {@code work} in one transaction, committed when it returns and rolled back when it throws. */
    <T> T transaction(Function<DSLContext, T> work) {
        return query(ctx -> ctx.transactionResult(configuration -> work.apply(configuration.dsl())));
    }

    void transactionally(Consumer<DSLContext> work) {
        transaction(ctx -> {
            work.accept(ctx);
            return null;
        });
    }
}
