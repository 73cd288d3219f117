package dev.connect.oauth.adapter.persistence;

import dev.connect.oauth.application.port.out.StoreUnavailableException;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.ResultQuery;

/**
 * The read side of the {@link GroupCommit}: concurrent lookups of rows by a unique key (the hash of
 * a code or a refresh token) reach the database as one {@code SELECT ... WHERE key IN (...)}. On a
 * busy database a statement costs mostly its round trip (about 170 µs of MariaDB's CPU on the bench
 * machine, whatever the statement), so one statement for the lookups of many requests saves most
 * of what they cost it.
 *
 * <p>A reader thread takes the first waiting lookup at once (an idle server adds only the
 * hand-over), adds whatever else is waiting, up to the batch size, and answers each caller with its
 * own row ({@link BatchQueue}). Rows are handed over unmapped, so mapping, and any failure of it,
 * stays with the caller. The statement reads committed rows, as a lookup of its own would; a failure
 * of it fails every lookup of the batch.
 *
 * @param <R> the rows the statement selects
 */
final class GroupLookup<R extends Record> implements AutoCloseable {
    private final JooqDatabase database;
    private final Field<String> key;
    private final BiFunction<DSLContext, Condition, ResultQuery<R>> select;
    private final BatchQueue<String, Optional<R>> queue;

    /**
     * @param name           names the reader thread
     * @param key            the unique column the rows are looked up by
     * @param select         the statement for a condition on {@code key}; it must select {@code key}
     * @param maxBatch       the most lookups one statement answers
     * @param queueCapacity  how many lookups may wait for the reader
     * @param enqueueTimeout how long a caller waits for room in a full queue
     */
    GroupLookup(JooqDatabase database, String name, Field<String> key,
                BiFunction<DSLContext, Condition, ResultQuery<R>> select, int maxBatch, int queueCapacity,
                Duration enqueueTimeout) {
        this.database = Objects.requireNonNull(database, "database");
        this.key = Objects.requireNonNull(key, "key");
        this.select = Objects.requireNonNull(select, "select");
        this.queue = new BatchQueue<>("connect-lookup-" + name + "-", 1, maxBatch, queueCapacity, enqueueTimeout,
                "lookups", this::answer);
    }

    /** The row whose key is {@code value}, read with the lookups of other callers waiting at the time. */
    Optional<R> find(String value) {
        return queue.call(value);
    }

    /** Stops the reader; lookups still queued fail with {@link StoreUnavailableException}. */
    @Override
    public void close() {
        queue.close();
    }

    private void answer(List<BatchQueue.Call<String, Optional<R>>> batch) {
        Set<String> values = new LinkedHashSet<>();
        batch.forEach(lookup -> values.add(lookup.request()));
        Map<String, R> found = new HashMap<>();
        try {
            database.query(ctx -> select.apply(ctx, key.in(values)).fetch())
                    .forEach(row -> found.put(row.get(key), row));
        } catch (RuntimeException | Error failure) {
            batch.forEach(lookup -> lookup.answer().completeExceptionally(failure));
            return;
        }
        batch.forEach(lookup -> lookup.answer().complete(Optional.ofNullable(found.get(lookup.request()))));
    }
}
