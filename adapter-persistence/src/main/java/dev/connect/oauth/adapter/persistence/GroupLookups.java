package dev.connect.oauth.adapter.persistence;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.ResultQuery;

/** Makes the adapter's {@link GroupLookup}s, all with one batch size and queue, and closes them together. */
final class GroupLookups implements AutoCloseable {
    private final JooqDatabase database;
    private final int maxBatch;
    private final int queueCapacity;
    private final Duration enqueueTimeout;
    private final List<GroupLookup<?>> made = new CopyOnWriteArrayList<>();

    GroupLookups(JooqDatabase database, int maxBatch, int queueCapacity, Duration enqueueTimeout) {
        this.database = Objects.requireNonNull(database, "database");
        this.maxBatch = maxBatch;
        this.queueCapacity = queueCapacity;
        this.enqueueTimeout = Objects.requireNonNull(enqueueTimeout, "enqueueTimeout");
    }

    /** A lookup of rows by {@code key}, with a reader thread of its own named after {@code name}. */
    <R extends Record> GroupLookup<R> of(String name, Field<String> key,
                                         BiFunction<DSLContext, Condition, ResultQuery<R>> select) {
        GroupLookup<R> lookup = new GroupLookup<>(database, name, key, select, maxBatch, queueCapacity, enqueueTimeout);
        made.add(lookup);
        return lookup;
    }

    @Override
    public void close() {
        made.forEach(GroupLookup::close);
    }
}
