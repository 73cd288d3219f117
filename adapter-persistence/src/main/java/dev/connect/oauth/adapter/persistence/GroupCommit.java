package dev.connect.oauth.adapter.persistence;

import static dev.connect.oauth.adapter.persistence.jooq.Tables.ACCESS_TOKENS;
import static dev.connect.oauth.adapter.persistence.jooq.Tables.GRANTS;
import static dev.connect.oauth.adapter.persistence.jooq.Tables.REFRESH_TOKENS;

import dev.connect.oauth.application.port.out.StoreUnavailableException;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.InsertSetMoreStep;
import org.jooq.Query;
import org.jooq.Table;
import org.jooq.TableRecord;

/**
 * Application-level group commit: the writes of concurrent port calls reach the database as one
 * transaction, their rows as one multi-row {@code INSERT} per table, and one {@code COMMIT}, whose
 * log flush ({@code innodb_flush_log_at_trx_commit=1}) is what a write costs most.
 *
 * <p>A caller hands in its {@link Write}: at most one conditional statement, and the rows to insert
 * when it matched. A writer thread takes the first waiting write at once (an idle server adds no
 * wait, only the hand-over to the writer), adds whatever else is waiting, up to the batch size,
 * and in one transaction sends the conditions of them all as one JDBC batch (on MySQL one round
 * trip, as a multi-statement), then inserts the rows of those that matched, tables in foreign-key
 * order. A write is data, not code, so that its condition can join the batch: on a busy database a
 * statement costs mostly its round trip. <b>Each caller returns only after the {@code COMMIT} that
 * holds its writes was acknowledged</b>, so what it answers survives a crash of the server the
 * moment after.
 *
 * <p>Failures stay with the caller that caused them. A conflict (deadlock, Galera certification)
 * runs the whole batch again as {@link JooqDatabase#transaction} does. Any other failure of a
 * batch of several, such as one caller's row violating a constraint, rolled everything back, so
 * each write then runs again in a transaction of its own and gets its own outcome. Only a database
 * out of reach fails the whole batch at once: running each again would only wait for the timeouts
 * once per caller, and after a failed {@code COMMIT} the batch may have been committed, which only
 * the callers' own retry (the services' retry grace) can tell.
 *
 * <p>The conditions of a batch run in order in its transaction: two redemptions of one code in
 * one batch behave as two in separate transactions (the second finds the code redeemed), because
 * each condition is on a row that was committed before the batch. A condition never sees the rows
 * another write of the batch inserts, as they come after every condition.
 *
 * <p>The queue is bounded: a caller waits at most the enqueue timeout for room, and then fails
 * with {@link StoreUnavailableException} (503), as it would waiting for a pooled connection.
 */
final class GroupCommit implements AutoCloseable {
    /** Rows are inserted in this order, so that every foreign key finds its parent row. */
    private static final List<Table<?>> INSERT_ORDER = List.of(GRANTS, REFRESH_TOKENS, ACCESS_TOKENS);
    static final String BATCH_SIZE_METER = "connect.db.group.commit.writes";

    private final JooqDatabase database;
    private final DistributionSummary batchSizes;
    private final BatchQueue<Write, Boolean> queue;

    /**
     * @param writers        how many batches may commit at once (each holds one pooled connection)
     * @param maxBatch       the most writes one transaction takes
     * @param queueCapacity  how many writes may wait for a writer
     * @param enqueueTimeout how long a caller waits for room in a full queue
     * @param meters         where the size of each batch is recorded ({@value #BATCH_SIZE_METER})
     */
    GroupCommit(JooqDatabase database, int writers, int maxBatch, int queueCapacity, Duration enqueueTimeout,
                MeterRegistry meters) {
        this.database = Objects.requireNonNull(database, "database");
        this.batchSizes = DistributionSummary.builder(BATCH_SIZE_METER)
                .description("Writes committed together by one group commit transaction")
                .register(Objects.requireNonNull(meters, "meters"));
        this.queue = new BatchQueue<>("connect-group-commit-", writers, maxBatch, queueCapacity, enqueueTimeout,
                "writes", this::commit);
    }

    /**
     * Runs {@code write} in a transaction shared with other callers' and returns once that
     * transaction is committed: true when its rows were inserted (it has no condition, or its
     * condition matched a row), false when its condition matched nothing and it wrote nothing;
     * throws what the database did.
     */
    boolean run(Write write) {
        return queue.call(write);
    }

    /** Stops the writers; writes still queued fail with {@link StoreUnavailableException}. */
    @Override
    public void close() {
        queue.close();
    }

    /** Commits {@code batch} together, or each of its writes alone after a failure that is not an outage. */
    private void commit(List<BatchQueue.Call<Write, Boolean>> batch) {
        batchSizes.record(batch.size());
        List<Boolean> results;
        try {
            results = database.transaction(ctx -> runAll(ctx, batch));
        } catch (RuntimeException | Error failure) {
            if (batch.size() == 1 || StoreFailures.isUnavailable(failure)) {
                batch.forEach(write -> write.answer().completeExceptionally(failure));
                return;
            }
            batch.forEach(write -> commit(List.of(write)));
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).answer().complete(results.get(i));
        }
    }

    /** One attempt of the batch's transaction: every condition in one JDBC batch, then every row. */
    private static List<Boolean> runAll(DSLContext ctx, List<BatchQueue.Call<Write, Boolean>> batch) {
        List<Query> conditions = new ArrayList<>();
        for (BatchQueue.Call<Write, Boolean> write : batch) {
            write.request().condition().ifPresent(condition -> conditions.add(condition.apply(ctx)));
        }
        int[] changed = conditions.isEmpty() ? new int[0] : ctx.batch(conditions).execute();
        Rows rows = new Rows();
        List<Boolean> written = new ArrayList<>(batch.size());
        int next = 0;
        for (BatchQueue.Call<Write, Boolean> write : batch) {
            boolean matched = write.request().condition().isEmpty() || changed[next++] > 0;
            if (matched) {
                write.request().rows().forEach(rows::add);
            }
            written.add(matched);
        }
        rows.insert(ctx);
        return written;
    }

    /**
     * One caller's part of a batch: the rows to insert, when its condition, if it has one, matches a
     * row. The condition is built on the batch's context each time the batch runs (a conflict or a
     * failed batch runs it again).
     *
     * @param condition a conditional statement ({@code UPDATE ... WHERE}), made on the given context
     * @param rows      the rows to insert, in any order: they are inserted in foreign-key order
     */
    record Write(Optional<Function<DSLContext, Query>> condition, List<TableRecord<?>> rows) {
        Write {
            Objects.requireNonNull(condition, "condition");
            rows = List.copyOf(rows);
            for (TableRecord<?> row : rows) {
                if (!INSERT_ORDER.contains(row.getTable())) {
                    throw new IllegalArgumentException("No insert order for " + row.getTable().getName());
                }
            }
        }

        /** Rows inserted unconditionally. */
        static Write of(List<TableRecord<?>> rows) {
            return new Write(Optional.empty(), rows);
        }

        /** Rows inserted only when {@code condition} matches a row. */
        static Write when(Function<DSLContext, Query> condition, List<TableRecord<?>> rows) {
            return new Write(Optional.of(condition), rows);
        }
    }

    /** The rows of a batch, inserted at its end with one statement per table. */
    private static final class Rows {
        private final Map<Table<?>, List<TableRecord<?>>> byTable = new LinkedHashMap<>();

        void add(TableRecord<?> row) {
            byTable.computeIfAbsent(row.getTable(), table -> new ArrayList<>()).add(row);
        }

        private void insert(DSLContext ctx) {
            for (Table<?> table : INSERT_ORDER) {
                List<TableRecord<?>> rows = byTable.getOrDefault(table, List.of());
                if (!rows.isEmpty()) {
                    insertAll(ctx, rows);
                }
            }
        }

        /** One multi-row {@code INSERT}; every row of a table comes from one mapper, so sets the same columns. */
        @SuppressWarnings({"unchecked", "rawtypes"})
        private static void insertAll(DSLContext ctx, List<TableRecord<?>> rows) {
            TableRecord first = rows.get(0);
            InsertSetMoreStep<?> insert = ctx.insertInto(first.getTable()).set(first);
            for (TableRecord<?> row : rows.subList(1, rows.size())) {
                insert = insert.newRecord().set(row);
            }
            insert.execute();
        }
    }
}
