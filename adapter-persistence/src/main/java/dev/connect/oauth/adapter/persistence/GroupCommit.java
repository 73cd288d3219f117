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
import org.jooq.DSLContext;
import org.jooq.InsertSetMoreStep;
import org.jooq.Table;
import org.jooq.TableRecord;

/**
 * Application-level group commit: the writes of concurrent port calls reach the database as one
 * transaction, their rows as one multi-row {@code INSERT} per table, and one {@code COMMIT}, whose
 * log flush ({@code innodb_flush_log_at_trx_commit=1}) is what a write costs most.
 *
 * <p>A caller hands in its {@link Work}: conditional statements, run on the batch's transaction,
 * and the rows to insert, given to {@link Rows} instead of inserted. A writer thread takes the
 * first waiting work at once (an idle server adds no wait, only the hand-over to the writer), adds
 * whatever else is waiting, up to the batch size, and runs them one after the other in one
 * transaction, then inserts every row, tables in foreign-key order. <b>Each caller returns only
 * after the {@code COMMIT} that holds its writes was acknowledged</b>, so what it answers survives
 * a crash of the server the moment after.
 *
 * <p>Failures stay with the caller that caused them. A conflict (deadlock, Galera certification)
 * runs the whole batch again as {@link JooqDatabase#transaction} does. Any other failure of a
 * batch of several, such as one caller's row violating a constraint, rolled everything back, so
 * each work then runs again in a transaction of its own and gets its own outcome. Only a database
 * out of reach fails the whole batch at once: running each again would only wait for the timeouts
 * once per caller, and after a failed {@code COMMIT} the batch may have been committed, which only
 * the callers' own retry (the services' retry grace) can tell.
 *
 * <p>Works run in the batch's transaction see each other's statements: two redemptions of one code
 * in one batch behave as two in separate transactions (the second finds the code redeemed), because
 * each condition is on a row that was committed before the batch. A work must not read rows that
 * another work of the same batch inserts; such work (reissue, which reads the siblings of a token)
 * runs in a transaction of its own.
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
    private final BatchQueue<Work<?>, Object> queue;

    /**
     * @param writers        how many batches may commit at once (each holds one pooled connection)
     * @param maxBatch       the most works one transaction takes
     * @param queueCapacity  how many works may wait for a writer
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
     * Runs {@code work} in a transaction shared with other callers' and returns its result once
     * that transaction is committed; throws what the work threw, or what the database did.
     */
    @SuppressWarnings("unchecked")
    <T> T run(Work<T> work) {
        return (T) queue.call(work);
    }

    /** Stops the writers; works still queued fail with {@link StoreUnavailableException}. */
    @Override
    public void close() {
        queue.close();
    }

    /** Commits {@code batch} together, or each of its works alone after a failure that is not an outage. */
    private void commit(List<BatchQueue.Call<Work<?>, Object>> batch) {
        batchSizes.record(batch.size());
        List<Object> results;
        try {
            results = database.transaction(ctx -> runAll(ctx, batch));
        } catch (RuntimeException | Error failure) {
            if (batch.size() == 1 || StoreFailures.isUnavailable(failure)) {
                batch.forEach(work -> work.answer().completeExceptionally(failure));
                return;
            }
            batch.forEach(work -> commit(List.of(work)));
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).answer().complete(results.get(i));
        }
    }

    /** One attempt of the batch's transaction: every work's statements, then every row. */
    private static List<Object> runAll(DSLContext ctx, List<BatchQueue.Call<Work<?>, Object>> batch) {
        Rows rows = new Rows();
        List<Object> results = new ArrayList<>(batch.size());
        for (BatchQueue.Call<Work<?>, Object> work : batch) {
            results.add(work.request().run(ctx, rows));
        }
        rows.insert(ctx);
        return results;
    }

    /** One caller's part of a batch. */
    @FunctionalInterface
    interface Work<T> {
        /**
         * Runs the statements on {@code ctx}, inside the batch's transaction, and gives the rows to
         * insert to {@code rows}. May run more than once (a conflict, a failed batch): it must
         * keep no state between runs.
         */
        T run(DSLContext ctx, Rows rows);
    }

    /** The rows of a batch, inserted at its end with one statement per table. */
    static final class Rows {
        private final Map<Table<?>, List<TableRecord<?>>> byTable = new LinkedHashMap<>();

        void add(TableRecord<?> row) {
            if (!INSERT_ORDER.contains(row.getTable())) {
                throw new IllegalArgumentException("No insert order for " + row.getTable().getName());
            }
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
